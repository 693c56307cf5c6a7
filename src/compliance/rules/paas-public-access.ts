import { isOtherPaas, PAAS_TYPES } from './paas-services';
import { expectBool, resourceRule } from '../private/rule-kit';

/** Every other PaaS resource in the stack is closed to public networks too. */
export const PAAS_PUBLIC_ACCESS = resourceRule({
  id: 'PCHAT-ISO-001',
  title: 'Isolation: other PaaS resources have public network access off',
  mapsTo: ['CKV_AZURE_59', 'CKV_AZURE_101', 'CKV_AZURE_124', 'CKV_AZURE_139', 'CKV_AZURE_134', 'CKV_AZURE_222'],
  rationale: 'One storage account, database, search index or registry with a public endpoint breaks the isolation of the whole deployment.',
  fix: 'Set public_network_access_enabled = false (publicNetworkAccessEnabled: false) and add a private endpoint.',
  resourceTypes: PAAS_TYPES,
}, (r) => expectBool(r.config, 'public_network_access_enabled', false), isOtherPaas);
