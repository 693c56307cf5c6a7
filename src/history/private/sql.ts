import { Fn, Token } from 'cdktf';

/** `'text'` as a SQL string literal (a token is quoted by Terraform at plan). */
export function sqlLiteral(text: string): string {
  return Token.isUnresolved(text) ? `'${Fn.replace(text, "'", "''")}'` : `'${text.replace(/'/g, "''")}'`;
}
