/** What `storageScope` says for a REST backend at `baseUrl`: drafts and outboxes are kept per API. */
export const restScope = (baseUrl = '/api') => `rest ${baseUrl.replace(/\/+$/, '')}`;
