import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  ChatFrontEnd, HistoryStoreKind, IChatEmbeddings, IChatFileStore, IChatHistoryStore, IChatSharedState,
} from '../../src/app/front-end';
import { IPrincipal } from '../../src/core/principal';

// The settings Open WebUI gets for shared state, files, vectors and embeddings, read straight from
// the front end (the web app's wiring of the same objects is tested in chat-web-app tests).

const REDIS_REF = '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/redis-url)';
const KEY_REF = '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/embeddings-key)';
const DB_REF = '@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/pgurl)';

function pieces() {
  const stack = new TerraformStack(new App(), 'test');
  const sharedState: IChatSharedState = Object.assign(new Construct(stack, 'Redis'), { redisUrlReference: REDIS_REF });
  const files: IChatFileStore = Object.assign(new Construct(stack, 'Files'), {
    blobEndpoint: 'https://stfiles.blob.core.windows.net/',
    containerName: 'uploads',
    grantReadWrite: (_p: IPrincipal): RoleAssignment => { throw new Error('not called by the front end'); },
  });
  const embeddings = (dimensions: number): IChatEmbeddings => Object.assign(new Construct(stack, `Embeddings${dimensions}`), {
    baseUrl: 'https://apim-1.azure-api.net/frontend-embeddings/',
    apiKeyReference: KEY_REF,
    deploymentName: 'text-embedding-3-small',
    apiVersion: '2024-10-21',
    dimensions,
  });
  const history: IChatHistoryStore = Object.assign(new Construct(stack, 'History'), {
    historyStoreKind: HistoryStoreKind.POSTGRESQL, connectionUrlReference: DB_REF, vectorExtension: true,
  });
  return { sharedState, files, embeddings, history };
}

const BASE = {
  endpoint: 'https://oai.openai.azure.com/',
  deploymentName: 'gpt-5.4',
  deploymentNames: ['gpt-5.4'],
  identityClientId: 'c',
  appUrl: 'https://app.azurewebsites.net',
};

function settingsOf(extra: object): { [key: string]: any } {
  const s = ChatFrontEnd.openWebUi()._settings({ ...BASE, ...extra });
  return { ...s.defaults, ...s.wired, wiredFrom: s.wiredFrom };
}

describe('Open WebUI scale-out settings', () => {
  test('a shared Redis becomes its state store and WebSocket manager, through the Key Vault reference only', () => {
    const s = settingsOf({ sharedState: pieces().sharedState });
    expect(s).toEqual(expect.objectContaining({
      REDIS_URL: REDIS_REF, WEBSOCKET_REDIS_URL: REDIS_REF, WEBSOCKET_MANAGER: 'redis', ENABLE_WEBSOCKET_SUPPORT: 'True',
    }));
    expect(s.wiredFrom.REDIS_URL).toBe('sharedState');
  });

  test('without a shared Redis none of the Redis settings is written (one instance keeps its state in memory)', () => {
    const s = settingsOf({});
    for (const key of ['REDIS_URL', 'WEBSOCKET_REDIS_URL', 'WEBSOCKET_MANAGER']) expect(s).not.toHaveProperty(key);
  });

  test('a file store makes uploads go to Azure Blob with the managed identity: no key, no local copy', () => {
    const s = settingsOf({ files: pieces().files });
    expect(s).toEqual(expect.objectContaining({
      STORAGE_PROVIDER: 'azure',
      AZURE_STORAGE_ENDPOINT: 'https://stfiles.blob.core.windows.net',
      AZURE_STORAGE_CONTAINER_NAME: 'uploads',
      STORAGE_LOCAL_CACHE: 'False',
      AZURE_TOKEN_CREDENTIALS: 'ManagedIdentityCredential',
    }));
    expect(s).not.toHaveProperty('AZURE_STORAGE_KEY');
  });

  test('with a PostgreSQL history store, vectors go to pgvector in it, and the app login never creates the extension', () => {
    const s = settingsOf({ history: pieces().history });
    expect(s).toEqual(expect.objectContaining({
      VECTOR_DB: 'pgvector', PGVECTOR_CREATE_EXTENSION: 'False', PGVECTOR_INITIALIZE_MAX_VECTOR_LENGTH: '1536', PGVECTOR_USE_HALFVEC: 'False',
    }));
    expect(s).not.toHaveProperty('PGVECTOR_DB_URL');
    expect(s.wiredFrom.VECTOR_DB).toBe('history');
  });

  test('without a history store, or with one whose database lacks the vector extension, the vector settings are not written', () => {
    expect(settingsOf({})).not.toHaveProperty('VECTOR_DB');
    const stack = new TerraformStack(new App(), 'plain');
    const plain: IChatHistoryStore = Object.assign(new Construct(stack, 'Pg'), { historyStoreKind: HistoryStoreKind.POSTGRESQL, connectionUrlReference: DB_REF });
    expect(settingsOf({ history: plain })).not.toHaveProperty('VECTOR_DB');
  });

  test('gateway-issued embeddings: the azure_openai engine, the gateway URL without a trailing slash, the key as a Key Vault reference, batches of 64', () => {
    const p = pieces();
    const s = settingsOf({ history: p.history, embeddings: p.embeddings(1536) });
    expect(s).toEqual(expect.objectContaining({
      RAG_EMBEDDING_ENGINE: 'azure_openai',
      RAG_EMBEDDING_MODEL: 'text-embedding-3-small',
      RAG_AZURE_OPENAI_BASE_URL: 'https://apim-1.azure-api.net/frontend-embeddings',
      RAG_AZURE_OPENAI_API_KEY: KEY_REF,
      RAG_AZURE_OPENAI_API_VERSION: '2024-10-21',
      RAG_EMBEDDING_BATCH_SIZE: '64',
    }));
    expect(s.wiredFrom.RAG_AZURE_OPENAI_API_KEY).toBe('embeddings');
  });

  test('vectors longer than 2,000 dimensions are stored as halfvec (pgvector\'s vector type stops at 2,000)', () => {
    const p = pieces();
    const s = settingsOf({ history: p.history, embeddings: p.embeddings(3072) });
    expect(s).toEqual(expect.objectContaining({ PGVECTOR_INITIALIZE_MAX_VECTOR_LENGTH: '3072', PGVECTOR_USE_HALFVEC: 'True' }));
  });

  test('no setting that carries a credential is ever written in clear', () => {
    const p = pieces();
    const s = settingsOf({ history: p.history, embeddings: p.embeddings(1536), files: p.files, sharedState: p.sharedState });
    for (const key of ['REDIS_URL', 'WEBSOCKET_REDIS_URL', 'RAG_AZURE_OPENAI_API_KEY']) {
      expect(String((s as any)[key])).toMatch(/^@Microsoft\.KeyVault\(SecretUri=/);
    }
  });

  test('several instances get the faster JSON encoder as a default the app settings may override; one instance does not', () => {
    expect(settingsOf({ multiInstance: true }).ENABLE_ORJSON).toBe('True');
    expect(settingsOf({ multiInstance: true }).wiredFrom).not.toHaveProperty('ENABLE_ORJSON');
    expect(settingsOf({})).not.toHaveProperty('ENABLE_ORJSON');
  });
});
