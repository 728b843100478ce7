/** Every text of the workbench shell (界面文字), in Chinese and English. */
import { defineMessages } from '../text/i18n';

/** The shell's dictionary; a key without both texts does not compile. */
export const messages = defineMessages({
  tagline: {
    zh: '模拟职工医保个人账户跨省共济与省际按月清算的浏览器工作台',
    en: 'A browser workbench that simulates cross-province sharing of employee medical-insurance personal accounts and the monthly clearing between provinces',
  },
  'lang.label': { zh: '界面语言', en: 'Language' },
  'tabs.label': { zh: '工作区', en: 'Workspaces' },

  'compare.title': { zh: '方案比较', en: 'Compare' },

  'prepayment.title': { zh: '预付金', en: 'Prepayment' },

  'trainer.title': { zh: '培训演示', en: 'Trainer' },

  'validation.title': { zh: '校验', en: 'Validation' },
});

/** A key of the shell's dictionary. */
export type MessageKey = keyof typeof messages;
