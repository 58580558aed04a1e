/** An S3-compatible bucket for uploaded files (FILE_STORAGE=s3). */
export interface S3Config {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** "" or ending with "/". */
  prefix: string;
  forcePathStyle: boolean;
}
