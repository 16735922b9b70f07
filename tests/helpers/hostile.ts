/** Markdown and HTML that seeds must show as the literal printed characters, never as markup. */
export const MARKUP_LITERALS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[链接](javascript:alert(1))',
  '![图](x.png)',
  '*星号*',
  '_下划线_',
  '1. 第一',
  '- 列表',
  '> 引用',
  '---',
  '| a | b |',
  '&amp;',
  '&#x3C;',
];
