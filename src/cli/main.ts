/**
 * The operator CLI (`npx motcua <command>`), on the same DATABASE_URL / DATA_DIR as the server.
 * On PGlite it refuses to open a data folder a running server holds (see data-dir-lock.ts).
 */
import 'dotenv/config';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { ConfigError, describeConfig, loadConfig, type AppConfig } from '../config/env.js';
import { openConfiguredDatabase } from '../infrastructure/db/database.js';
import { migrate } from '../infrastructure/db/migrator.js';
import { seedDemo } from '../application/seed/seed-demo.js';
import { seedSyntheticDossiers } from './seed-dossiers-command.js';
import { loadUnitDirectory } from '../application/units/unit-directory.js';
import { addOfficial } from '../application/users/add-official.js';
import { importUnits } from '../application/units/import-units.js';
import { UnitFileSchema } from '../application/units/unit-schema.js';
import { verifyAuditChain } from '../application/audit/audit-chain.js';
import { lastGenuineCheckpoint, writeAuditCheckpoint } from '../application/audit/audit-checkpoint.js';
import { fileCheckpointStore } from '../infrastructure/audit/checkpoint-file.js';
import { vietnamDateTime } from '../domain/calendar/vietnam-time.js';
import { createBackup } from '../application/backup/create-backup.js';
import { restoreBackup } from '../application/backup/restore-backup.js';
import { BackupError } from '../application/backup/backup-format.js';
import { appVersion } from '../infrastructure/project-root.js';
import { OFFICIAL_ROLES, isOfficialRole } from '../domain/access/roles.js';
import { DataDirLockedError } from '../infrastructure/db/data-dir-lock.js';
import { ERROR_MESSAGES } from '../domain/errors/error-codes.js';
import { CATALOGUE_USAGE, CatalogueUsageError, runCatalogueCommand } from './catalogue-commands.js';
import { DOSSIER_USAGE, DossierUsageError, runDossierCommand } from './dossier-commands.js';
import { startS3Simulator } from '../infrastructure/files/s3-simulator.js';
import { PAYMENT_GATEWAY_USAGE, runPaymentGateway } from './payment-gateway-command.js';
import { PORTAL_SIMULATOR_USAGE, runPortalSimulator } from './portal-simulator-command.js';
import { PORTAL_USAGE, PortalUsageError, runPortalCommand } from './portal-commands.js';
import { STATS_USAGE, StatsUsageError, runStatsCommand } from './stats-commands.js';
import { rebuildStatistics } from '../application/scorecard/statistics-rebuild.js';
import { createFileStore } from '../infrastructure/files/create-file-store.js';
import { PersonalDataKeyError, personalDataCipherOf } from '../infrastructure/crypto/personal-data-cipher.js';
import { resealPersonalData } from '../application/personal-data-reseal.js';

const USAGE = `Cách dùng / usage: motcua <lệnh>
  migrate                                   chạy các migration còn thiếu
  seed [--dossiers N] [--seed S]           nạp dữ liệu tỉnh mẫu (nếu cơ sở dữ liệu trống), và N hồ sơ tổng hợp
  user add --username U --password P --role ROLE --unit UNIT_CODE [--name "Họ và tên"] [--email E]
                                            tạo tài khoản cán bộ; ROLE: ${OFFICIAL_ROLES.join(', ')}
                                            (--password-stdin thay cho --password: đọc mật khẩu từ đầu vào chuẩn,
                                            để mật khẩu không lộ trong danh sách tiến trình và lịch sử lệnh)
  units import FILE.json                    nạp/cập nhật cây đơn vị (mảng đơn vị hoặc kết quả GET /api/v1/units)
${CATALOGUE_USAGE}
${DOSSIER_USAGE}
${STATS_USAGE}
  audit verify                              kiểm tra chuỗi băm của nhật ký hệ thống (và điểm chốt ký số gần nhất)
  audit checkpoint                          ghi ngay một điểm chốt ký số của nhật ký ra ngoài cơ sở dữ liệu
  backup --out DIR                          sao lưu toàn bộ cơ sở dữ liệu (một ảnh chụp nhất quán) và các tệp vào thư mục DIR
  restore DIR                               khôi phục bản sao lưu DIR vào cơ sở dữ liệu mới (DATA_DIR hoặc DATABASE_URL) và kho tệp
  personal-data reseal                      mã hóa lại mọi số định danh theo PERSONAL_DATA_KEY (sau khi đổi khóa; khóa cũ
                                            trong PERSONAL_DATA_PREVIOUS_KEYS), kể cả số còn lưu dạng rõ
  config                                    liệt kê các biến môi trường
  s3-simulator                              chạy bucket S3 thử nghiệm tại S3_ENDPOINT (trình diễn FILE_STORAGE=s3, lưu trong DATA_DIR/s3)
${PORTAL_USAGE}
${PAYMENT_GATEWAY_USAGE}
${PORTAL_SIMULATOR_USAGE}`;

class UsageError extends Error {}

/** The usage lines of one command (with their continuation lines), for `motcua COMMAND --help`. */
export function usageOf(command: string): string[] {
  const lines = USAGE.split('\n').slice(1);
  const picked: string[] = [];
  let inside = false;
  for (const line of lines) {
    const starts = /^  \S/.test(line);
    if (starts) inside = line.trimStart().split(/\s/)[0] === command;
    if (inside) picked.push(line);
  }
  return picked;
}

export async function runCli(argv: string[], out: (line: string) => void = console.log): Promise<number> {
  const [command, sub, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 2;
  }
  // `motcua user add --help`: the lines of the usage about that command, and nothing is run.
  if (argv.includes('--help') || argv.includes('-h')) {
    const lines = usageOf(command);
    out(lines.length > 0 ? lines.join('\n') : USAGE);
    return lines.length > 0 ? 0 : 2;
  }
  if (command === 'config') {
    for (const v of describeConfig()) out(`${v.name.padEnd(22)} ${v.describe}`);
    return 0;
  }
  if (command === 'portal-simulator') return runPortalSimulator(argv.slice(1), out); // no configuration, no database
  const config = loadConfig();
  if (command === 's3-simulator') return runS3Simulator(config, out); // no database: the server runs beside it
  if (command === 'payment-gateway') return runPaymentGateway(config, argv.slice(1), out);
  const database = await openConfiguredDatabase(config);
  try {
    switch (command) {
      case 'migrate': {
        const applied = await migrate(database);
        out(applied.length ? `Đã chạy ${applied.length} migration: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
        return 0;
      }
      case 'seed': {
        const { values } = parseArgs({
          args: [sub, ...rest].filter((a): a is string => a !== undefined),
          options: { dossiers: { type: 'string' }, seed: { type: 'string' } },
          strict: true,
        });
        const count = values.dossiers === undefined ? 0 : Number(values.dossiers);
        if (!Number.isInteger(count) || count < 0 || count > 10_000_000) throw new UsageError('--dossiers phải là số nguyên từ 0 đến 10 000 000');
        await migrate(database);
        const result = await seedDemo(database.db);
        out(result.seeded ? `Đã nạp tỉnh mẫu: ${result.units} đơn vị, ${result.officials} cán bộ.` : 'Cơ sở dữ liệu đã có dữ liệu; bỏ qua.');
        if (count > 0) {
          const started = Date.now();
          const report = await seedSyntheticDossiers(
            database.db,
            createFileStore(config),
            personalDataCipherOf(config),
            count,
            values.seed === undefined ? undefined : Number(values.seed),
            (done, total) => process.stderr.write(`\rĐã tạo ${done.toLocaleString('vi-VN')}/${total.toLocaleString('vi-VN')} hồ sơ…`),
          );
          process.stderr.write('\n');
          const seconds = (Date.now() - started) / 1000;
          out(`Đã tạo ${report.dossiers} hồ sơ tổng hợp (${report.actions} thao tác, ${report.open} đang giải quyết) trong ${seconds.toFixed(1)} giây.`);
          const stats = await rebuildStatistics(database.db);
          out(`Đã tính số liệu thống kê của ${stats.dossiers} hồ sơ trong ${(stats.milliseconds / 1000).toFixed(1)} giây.`);
        }
        return 0;
      }
      case 'user': {
        if (sub !== 'add') throw new UsageError(`lệnh không hợp lệ: user ${sub ?? ''}`);
        const { values } = parseArgs({
          args: rest,
          options: {
            username: { type: 'string' },
            password: { type: 'string' },
            'password-stdin': { type: 'boolean' },
            role: { type: 'string' },
            unit: { type: 'string' },
            name: { type: 'string' },
            email: { type: 'string' },
          },
          strict: true,
        });
        const password = values['password-stdin'] ? (await readStdin()).replace(/\r?\n$/, '') : values.password;
        if (!values.username || !password || !values.role || !values.unit) {
          throw new UsageError('cần --username, --password (hoặc --password-stdin), --role và --unit');
        }
        if (!isOfficialRole(values.role)) throw new UsageError(`vai trò không hợp lệ: ${values.role} (một trong ${OFFICIAL_ROLES.join(', ')})`);
        await migrate(database);
        const units = await loadUnitDirectory(database.db);
        const result = await addOfficial(
          { db: database.db, units, clock: () => new Date() },
          {
            username: values.username,
            password,
            role: values.role,
            unitCode: values.unit,
            fullName: values.name ?? values.username,
            email: values.email ?? null,
            meta: { actor: null, ip: null, requestId: 'cli' },
          },
        );
        if (!result.ok) {
          out(`Lỗi ${result.error.code}: ${ERROR_MESSAGES[result.error.code]}`);
          return 1;
        }
        out(`Đã tạo cán bộ ${values.username.toLowerCase()} (${values.role}, ${values.unit}).`);
        return 0;
      }
      case 'units': {
        if (sub !== 'import' || !rest[0]) throw new UsageError('cách dùng: motcua units import FILE.json');
        let parsed: unknown;
        try {
          parsed = JSON.parse(readFileSync(rest[0], 'utf8'));
        } catch (error) {
          throw new UsageError(`không đọc được ${rest[0]}: ${(error as Error).message}`);
        }
        const file = UnitFileSchema.safeParse(parsed);
        if (!file.success) {
          for (const issue of file.error.issues.slice(0, 50)) out(`  ${issue.path.join('.')}: ${issue.message}`);
          out(`Tệp không hợp lệ: ${file.error.issues.length} lỗi.`);
          return 1;
        }
        await migrate(database);
        const units = await loadUnitDirectory(database.db);
        const result = await importUnits(
          { db: database.db, units, clock: () => new Date() },
          { units: file.data, meta: { actor: null, ip: null, requestId: 'cli' } },
        );
        if (!result.ok) {
          for (const d of (result.error.details as { message: string }[] | undefined) ?? []) out(`  ${d.message}`);
          out(`Lỗi ${result.error.code}: ${ERROR_MESSAGES[result.error.code]}`);
          return 1;
        }
        out(`Cây đơn vị: thêm ${result.value.inserted}, cập nhật ${result.value.updated}, không đổi ${result.value.unchanged}.`);
        return 0;
      }
      case 'catalogue':
        return await runCatalogueCommand(database, sub, rest, out);
      case 'portal':
        return await runPortalCommand(config, database, sub, rest, out);
      case 'import':
      case 'export':
        return await runDossierCommand(database, command, sub, rest, out, config.publicUrl, personalDataCipherOf(config));
      case 'stats':
      case 'scorecard':
        return await runStatsCommand(database, command, sub, rest, out);
      case 'backup': {
        const { values } = parseArgs({ args: [sub, ...rest].filter((a): a is string => a !== undefined), options: { out: { type: 'string' } }, strict: true });
        if (!values.out) throw new UsageError('cách dùng: motcua backup --out DIR');
        await migrate(database);
        const started = Date.now();
        const manifest = await createBackup(database, createFileStore(config), values.out, {
          version: appVersion(),
          now: new Date(),
          onProgress: (m) => process.stderr.write(`${m}\n`),
        });
        const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
        out(
          `Đã sao lưu ${rows.toLocaleString('vi-VN')} dòng của ${manifest.tables.length} bảng và ${manifest.files.count.toLocaleString('vi-VN')} tệp vào ${values.out} trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
        );
        out(`Đầu chuỗi nhật ký: ${manifest.audit.records} bản ghi, ${manifest.audit.digest}.`);
        if (manifest.files.missing > 0) out(`${manifest.files.missing} tệp không có trong kho (tệp của hồ sơ nhập từ hệ thống khác, lưu tại nguồn).`);
        return 0;
      }
      case 'restore': {
        if (!sub || rest.length > 0) throw new UsageError('cách dùng: motcua restore DIR');
        const started = Date.now();
        const result = await restoreBackup(database, createFileStore(config), sub, { onProgress: (m) => process.stderr.write(`${m}\n`) });
        const report = await verifyAuditChain(database.db);
        out(
          `Đã khôi phục ${result.rows.toLocaleString('vi-VN')} dòng của ${result.tables} bảng và ${result.files.toLocaleString('vi-VN')} tệp trong ${((Date.now() - started) / 1000).toFixed(1)} giây.`,
        );
        if (!report.ok) {
          out(`PHÁT HIỆN SAI LỆCH trong nhật ký đã khôi phục tại bản ghi #${report.brokenAt?.seq}: ${report.brokenAt?.reason}`);
          return 3;
        }
        out(`Chuỗi nhật ký toàn vẹn: ${report.checked} bản ghi, đầu chuỗi ${report.head?.hash}.`);
        return 0;
      }
      case 'audit': {
        const store = fileCheckpointStore(config.auditCheckpoint.dir);
        if (sub === 'checkpoint') {
          const written = await writeAuditCheckpoint(database.db, store, config.auditCheckpoint.key, new Date());
          out(`Đã ghi điểm chốt nhật ký: ${written.records} bản ghi, ${written.digest} (${config.auditCheckpoint.dir}).`);
          return 0;
        }
        if (sub !== 'verify') throw new UsageError(`lệnh không hợp lệ: audit ${sub ?? ''}`);
        const { checkpoint, forged } = await lastGenuineCheckpoint(store, config.auditCheckpoint.key);
        if (forged) {
          out(
            `PHÁT HIỆN SAI LỆCH: điểm chốt nhật ký lúc ${vietnamDateTime(new Date(forged.at))} không đúng chữ ký (đã bị sửa, hoặc AUDIT_CHECKPOINT_KEY khác khóa đã ký).`,
          );
          return 3;
        }
        if (checkpoint) out(`Đối chiếu với điểm chốt lúc ${vietnamDateTime(new Date(checkpoint.at))}: ${checkpoint.records} bản ghi.`);
        else out(`Chưa có điểm chốt nào trong ${config.auditCheckpoint.dir}: chỉ kiểm tra được chuỗi trong cơ sở dữ liệu.`);
        let shown = -1;
        const progress = (n: number) => {
          if (n !== shown) process.stderr.write(`\rĐã kiểm tra ${(shown = n)} bản ghi…`);
        };
        const report = await verifyAuditChain(database.db, progress, undefined, checkpoint);
        process.stderr.write('\n');
        if (report.ok) {
          out(`Chuỗi nhật ký toàn vẹn: ${report.checked} bản ghi.`);
          // Record this line somewhere outside the database (a ticket, a signed e-mail): a later verify that
          // no longer reaches this hash at this sequence number means history was rewritten.
          // The digest covers every chain's head; the per-chain heads let a later check find where a rewrite began.
          if (report.head) {
            out(`Đầu chuỗi: #${report.head.seq} ${report.head.hash}`);
            for (const c of report.head.chains) if (c.seq !== '0') out(`  chuỗi ${c.chain}: #${c.seq} ${c.hash}`);
          }
          return 0;
        }
        out(`PHÁT HIỆN SAI LỆCH tại bản ghi #${report.brokenAt?.seq} (chuỗi ${report.brokenAt?.chain}): ${report.brokenAt?.reason}`);
        return 3;
      }
      case 'personal-data': {
        if (sub !== 'reseal' || rest.length > 0) throw new UsageError('cách dùng: motcua personal-data reseal');
        await migrate(database);
        const report = await resealPersonalData(database.db, personalDataCipherOf(config), (read, resealed) =>
          process.stderr.write(`\rĐã đọc ${read} hồ sơ, mã hóa lại ${resealed}…`),
        );
        process.stderr.write('\n');
        out(`Đã mã hóa lại số định danh theo khóa hiện tại: ${report.users} tài khoản, ${report.dossiers} hồ sơ.`);
        return 0;
      }
      default:
        throw new UsageError(`lệnh không hợp lệ: ${command}`);
    }
  } finally {
    await database.close();
  }
}

/** A local S3-compatible bucket at S3_ENDPOINT with the configured keys, until Ctrl+C (no MinIO needed for a demo). */
async function runS3Simulator(config: AppConfig, out: (line: string) => void): Promise<number> {
  if (config.files.kind !== 's3') throw new UsageError('s3-simulator cần FILE_STORAGE=s3 và các biến S3_* (xem motcua config)');
  const { endpoint, bucket, region, accessKeyId, secretAccessKey } = config.files;
  const url = new URL(endpoint);
  if (url.protocol !== 'http:') throw new UsageError('s3-simulator chỉ phục vụ http://: đặt S3_ENDPOINT=http://127.0.0.1:9000 chẳng hạn');
  const root = join(config.DATA_DIR, 's3', bucket);
  const simulator = await startS3Simulator({
    accessKeyId,
    secretAccessKey,
    region,
    bucket,
    root,
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 80),
  });
  out(`Bucket S3 thử nghiệm "${bucket}" tại ${simulator.endpoint} (vùng ${region}, lưu trong ${root}); Ctrl+C để dừng.`);
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await simulator.close();
  return 0;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function cliEntry(): Promise<void> {
  try {
    process.exitCode = await runCli(process.argv.slice(2));
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof CatalogueUsageError ||
      error instanceof DossierUsageError ||
      error instanceof StatsUsageError ||
      error instanceof PortalUsageError
    ) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (
      error instanceof TypeError &&
      typeof (error as NodeJS.ErrnoException).code === 'string' &&
      (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')
    ) {
      // An unknown option or a missing value: say which, and how the command is used (no stack trace).
      const command = process.argv[2] ?? '';
      const lines = usageOf(command);
      console.error(`Tùy chọn không hợp lệ / invalid option: ${error.message}\n\n${lines.length > 0 ? lines.join('\n') : USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof BackupError || error instanceof PersonalDataKeyError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}
