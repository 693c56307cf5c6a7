import { Fn } from 'cdktf';
import { isUnresolved } from './validate';

/**
 * A service endpoint (`https://<name>.openai.azure.com/`) without its trailing slash, to append a
 * path to. Azure returns endpoints with the slash; an imported one may lack it. A text that ends
 * with the slash (also one that embeds a plan-time name) is trimmed here; a bare plan-time value
 * (an account's `endpoint` attribute) is trimmed by Terraform.
 */
export function withoutTrailingSlash(endpoint: string): string {
  if (endpoint.endsWith('/')) return endpoint.replace(/\/+$/, '');
  return isUnresolved(endpoint) ? Fn.trimsuffix(endpoint, '/') : endpoint;
}
