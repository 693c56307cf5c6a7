import { IAspect, TerraformResource } from 'cdktf';
import { IConstruct } from 'constructs';

/**
 * Adds tags to every taggable resource it visits, keeping tags a resource already sets.
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
   * @param tags tags to add; a resource's own value for a key wins
   */
  constructor(tags: { [key: string]: string }) {
    this.tags = { ...tags };
  }

  public visit(node: IConstruct): void {
    if (!(node instanceof TerraformResource)) return;
    const taggable = node as unknown as { tags?: { [key: string]: string }; tagsInput?: { [key: string]: string } };
    if (!('tagsInput' in taggable)) return;
    const own = taggable.tagsInput ?? {};
    const merged: { [key: string]: string } = {};
    for (const key of Object.keys({ ...this.tags, ...own }).sort()) merged[key] = own[key] ?? this.tags[key];
    taggable.tags = merged;
  }
}
