import { IAspect, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';
import { LABEL_LIST_TAGS, SET_OF_STRINGS_TAGS } from './private/tag-forms';
import { checkTags } from './private/validate';

/**
 * Adds tags to every taggable resource it visits, keeping tags a resource already sets, in the
 * form the resource's schema wants.
 *
 * - Azure resources (`azurerm_*`) take a map: `{ env: 'prod' }`.
 * - Entra objects (`azuread_application`, `azuread_service_principal`) take a set of strings.
 *   They get one `key:value` string per tag (`env:prod`), sorted, next to the strings they
 *   already have. A resource that sets `feature_tags` is left alone, because azuread refuses
 *   `tags` together with `feature_tags`.
 * - The few azurerm types whose `tags` is a list of the service's own labels (an API Management
 *   named value, a threat-intelligence indicator) are left alone: those are not resource tags.
 * - Resources of other providers are tagged only when their `tags` input is a map.
 *
 * An Aspect rather than a prop threaded through every construct, so that resources users add
 * next to ours (and ones we add in later versions) are tagged the same way.
 *
 * @example
 * Aspects.of(stack).add(new TagResources({ costCenter: '1234', workload: 'chat' }));
 */
export class TagResources implements IAspect {
  private readonly tags: { [key: string]: string };

  /**
   * @param tags tags to add; a resource's own value for a key wins. Azure's limits apply: at most
   * 50 tags, keys of 1-512 characters without `< > % & \ ? /`, values of at most 256 characters.
   */
  constructor(tags: { [key: string]: string }) {
    checkTags('TagResources', 'tags', tags);
    this.tags = { ...tags };
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    const taggable = node as unknown as { tags?: unknown; tagsInput?: unknown; featureTagsInput?: unknown };
    if (!('tagsInput' in taggable)) return;
    if (LABEL_LIST_TAGS.has(node.terraformResourceType)) return;
    if (SET_OF_STRINGS_TAGS.has(node.terraformResourceType)) {
      if ('featureTagsInput' in taggable && taggable.featureTagsInput !== undefined) return;
      const own = Array.isArray(taggable.tagsInput) ? (taggable.tagsInput as string[]) : [];
      const ownKeys = new Set(own.map((t) => t.split(':')[0]));
      const added = Object.keys(this.tags).sort().filter((k) => !ownKeys.has(k)).map((k) => `${k}:${this.tags[k]}`);
      taggable.tags = [...own, ...added.filter((t) => !own.includes(t))];
      return;
    }
    const own = taggable.tagsInput;
    if (own !== undefined && (typeof own !== 'object' || Array.isArray(own))) return; // a token or a non-map schema
    const ownMap = (own ?? {}) as { [key: string]: string };
    const merged: { [key: string]: string } = {};
    for (const key of Object.keys({ ...this.tags, ...ownMap }).sort()) merged[key] = ownMap[key] ?? this.tags[key];
    taggable.tags = merged;
  }
}
