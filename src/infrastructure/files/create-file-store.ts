/** The one place that chooses where uploaded files go (FILE_STORAGE): the server and the CLI use it. */
import type { AppConfig } from '../../config/env.js';
import { LocalFileStore, type FileStore } from './file-store.js';
import { S3FileStore } from './s3-file-store.js';

export function createFileStore(config: Pick<AppConfig, 'files'>): FileStore {
  return config.files.kind === 's3' ? new S3FileStore(config.files) : new LocalFileStore(config.files.dir);
}
