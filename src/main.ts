/** `npm start`: migrate, seed the demo province when empty, and serve portal, back office and API on PORT. */
import 'dotenv/config';
import { ConfigError, loadConfig } from './config/env.js';
import { createRuntime } from './bootstrap.js';
import { DataDirLockedError } from './infrastructure/db/data-dir-lock.js';
import { PersonalDataKeyError } from './infrastructure/crypto/personal-data-cipher.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const runtime = await createRuntime(config);
  for (const warning of config.warnings) runtime.app.log.warn(warning);
  await runtime.app.listen({ port: config.PORT, host: config.HOST });
  runtime.app.log.info(
    { database: runtime.database.engine, ms: Date.now() - started },
    `motcua đang chạy tại ${config.publicUrl} (cơ sở dữ liệu: ${runtime.database.engine})`,
  );
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    runtime.app.log.info({ signal }, 'shutting down');
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(error.message);
  } else if (error instanceof PersonalDataKeyError) {
    // The ID numbers were sealed with another key: say so, and how to give it, rather than a stack trace.
    console.error(
      `Không đọc được số định danh đã mã hóa / cannot read the sealed ID numbers: ${error.message}.\nĐặt PERSONAL_DATA_KEY (và PERSONAL_DATA_PREVIOUS_KEYS khi vừa đổi khóa) như khi dữ liệu được mã hóa.`,
    );
  } else {
    console.error('motcua không khởi động được / failed to start:', error);
  }
  process.exit(1);
});
