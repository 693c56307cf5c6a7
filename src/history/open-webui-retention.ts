import { DELETE_VECTORS_FUNCTION } from './private/vector-store';
import { BLOB_PURGE_QUEUE } from '../app/private/database-setup';
import { checkIntRange } from '../core/private/validate';

/** Longest retention: ten years. */
export const MAX_RETENTION_DAYS = 3650;

/**
 * Open WebUI's retention statement for its v0.11.4 schema: one SQL command (a chain of
 * data-modifying CTEs, so one transaction, and no `$$`, so `cron.schedule` can wrap it) that, for
 * every chat whose `updated_at` (Unix seconds) is older than `days`, does what Open WebUI's own
 * `DELETE /api/v1/chats/{id}` does, plus the clean-up the app leaves to nobody:
 *
 * - the chat (`chat`), with the internal child chats Open WebUI spawns from it
 *   (`meta.internal`, `meta.parent_chat_id`);
 * - its messages (`chat_message`), shared-link snapshots (`shared_chat`, migration
 *   `c1d2e3f4a5b6`), any legacy snapshot row (`chat` owned by `shared-<chat id>`, the layout before
 *   that migration) and the public grants of those snapshots (`access_grant`,
 *   `resource_type = 'shared_chat'`);
 * - `automation_run.chat_id` set to NULL, as the app does (the run log stays, without the chat);
 * - the feedback given on it (`feedback.meta->>'chat_id'`; feedback holds a snapshot of the
 *   conversation and has no foreign key);
 * - the files attached to it (`file` rows, which hold the extracted text in `file.data`, and their
 *   `access_grant` rows), only where no surviving chat links the file (`chat_file`) and no
 *   knowledge base holds it (`knowledge_file`); the app itself never deletes a chat's files;
 * - the user's tags (`tag`) that no surviving, non-archived, non-internal chat of that user carries
 *   any more, the rule Open WebUI applies when it deletes a chat;
 * - memories (`memory`) whose own `updated_at` is older than `days`: they are per user, not per
 *   chat, but their text is lifted from chats, so they expire under the same retention.
 *
 * And, for what it deleted, what lives beside Open WebUI's tables:
 * - the vectors of the deleted files (`document_chunk` rows of collection `file-<file id>`) and of
 *   the deleted memories (collection `user-memory-<user id>`, vector id = memory id), through
 *   {@link DELETE_VECTORS_FUNCTION}, which does nothing while `document_chunk` does not exist;
 * - the `path` of every deleted file stored on a blob store (`https://…`), queued in
 *   {@link BLOB_PURGE_QUEUE} for the blob purger that runs beside the front end, since SQL cannot
 *   delete a blob.
 *
 * `chat_file` and `knowledge_file` rows go with their chat or file through their `ON DELETE
 * CASCADE` foreign keys. Every table named must exist, and so must the `pchat` schema the store's
 * setup statements create: otherwise the statement fails whole (pg_cron records the error in
 * `cron.job_run_details`) and deletes nothing.
 *
 * Out of reach: bytes on the container's local disk (`DATA_DIR/uploads`, Open WebUI's default
 * storage, lost at a restart), vectors in another vector database than pgvector, and caches;
 * docs/data-protection.md says how to purge them.
 *
 * Proven on PostgreSQL 15 with pg_cron by test/history/retention.pg.test.ts.
 *
 * @see https://github.com/open-webui/open-webui/blob/main/backend/open_webui/models/chats.py
 * @see https://github.com/open-webui/open-webui/blob/main/backend/open_webui/migrations/versions/c1d2e3f4a5b6_add_shared_chat_table.py
 */
export function openWebUiRetentionStatement(days: number): string {
  checkIntRange('PostgresHistoryStore.openWebUiRetentionStatement', 'days', days, 1, MAX_RETENTION_DAYS);
  // A JSON array of a chat's tags, or an empty one: json_array_elements_text fails on anything
  // else, and PostgreSQL does not promise to evaluate a guard in WHERE first.
  const tags = (alias: string) => `json_array_elements_text(CASE WHEN json_typeof(${alias}.meta->'tags') = 'array' THEN ${alias}.meta->'tags' ELSE '[]'::json END)`;
  const parts = [
    `WITH cutoff AS (SELECT extract(epoch FROM now() - interval '${days} days')::bigint AS t)`,
    // The chats past the retention; rows owned by 'shared-…' are legacy snapshots, deleted with their chat.
    "old AS (SELECT c.id, c.user_id FROM chat c, cutoff WHERE c.updated_at < cutoff.t AND c.user_id NOT LIKE 'shared-%')",
    // Open WebUI deletes the internal chats spawned from a chat together with it.
    'target AS (SELECT id, user_id FROM old UNION SELECT c.id, c.user_id FROM chat c JOIN old o ON c.user_id = o.user_id '
      + "AND c.meta->>'internal' = 'true' AND c.meta->>'parent_chat_id' = o.id)",
    // Every CTE sees the rows as they were before the statement, so 'surviving' means 'not in target'.
    'gone_files AS (SELECT DISTINCT cf.file_id AS id FROM chat_file cf WHERE cf.chat_id IN (SELECT id FROM target) '
      + 'AND NOT EXISTS (SELECT 1 FROM chat_file s WHERE s.file_id = cf.file_id AND s.chat_id NOT IN (SELECT id FROM target)) '
      + 'AND NOT EXISTS (SELECT 1 FROM knowledge_file kf WHERE kf.file_id = cf.file_id))',
    `gone_tags AS (SELECT DISTINCT t.user_id, g.tag AS id FROM target t JOIN chat c ON c.id = t.id CROSS JOIN LATERAL ${tags('c')} AS g(tag) `
      + 'WHERE NOT EXISTS (SELECT 1 FROM chat s WHERE s.user_id = t.user_id AND s.id NOT IN (SELECT id FROM target) '
      + `AND s.archived = false AND s.meta->>'internal' IS DISTINCT FROM 'true' AND EXISTS (SELECT 1 FROM ${tags('s')} AS u(tag) WHERE u.tag = g.tag)))`,
    'runs AS (UPDATE automation_run SET chat_id = NULL WHERE chat_id IN (SELECT id FROM target) RETURNING id)',
    "feedbacks AS (DELETE FROM feedback WHERE meta->>'chat_id' IN (SELECT id FROM target) RETURNING id)",
    'snapshots AS (DELETE FROM shared_chat WHERE chat_id IN (SELECT id FROM target) RETURNING id)',
    "legacy_snapshots AS (DELETE FROM chat WHERE user_id IN (SELECT 'shared-' || id FROM target) RETURNING id)",
    "grants AS (DELETE FROM access_grant WHERE (resource_type = 'shared_chat' AND resource_id IN (SELECT id FROM target)) "
      + "OR (resource_type = 'file' AND resource_id IN (SELECT id FROM gone_files)) RETURNING id)",
    'messages AS (DELETE FROM chat_message WHERE chat_id IN (SELECT id FROM target) RETURNING id)',
    'files AS (DELETE FROM file WHERE id IN (SELECT id FROM gone_files) RETURNING id, path)',
    // The bytes of a file on a blob store (Open WebUI's Azure provider stores `<endpoint>/<container>/<name>`
    // in `path`; local paths start with '/') wait for the blob purger.
    `queued AS (INSERT INTO ${BLOB_PURGE_QUEUE} (file_id, path) SELECT id, path FROM files WHERE path LIKE 'https://%' RETURNING id)`,
    'tags AS (DELETE FROM tag USING gone_tags g WHERE tag.id = g.id AND tag.user_id = g.user_id RETURNING tag.id)',
    'memories AS (DELETE FROM memory USING cutoff WHERE memory.updated_at < cutoff.t RETURNING memory.id)',
    'chats AS (DELETE FROM chat WHERE id IN (SELECT id FROM target) RETURNING id)',
  ];
  // Data-modifying CTEs run whether or not anything reads them; a SELECT without FROM yields one
  // row, so the vectors of what the CTEs deleted go in the same command and transaction.
  return `${parts.join(', ')} SELECT ${DELETE_VECTORS_FUNCTION}(ARRAY(SELECT id FROM files), ARRAY(SELECT id FROM memories))`;
}
