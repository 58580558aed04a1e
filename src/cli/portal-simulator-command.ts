/**
 * `motcua portal-simulator`: the national public-service portal's integration API (DongBoHoSoMC, CapNhatTienDoHoSoMC,
 * TraCuuHoSo, DongBoDanhGia, LayDanhSachTTHC, LayThuTuc, CongKhaiTTHC) on a port of its own, with the demo
 * province's procedures as the national catalogue, for a demo or a test where motcua syncs to it as to the real
 * portal. No database: it holds what it receives in memory until it stops.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startPortalSimulator } from '../infrastructure/national-portal/portal-simulator.js';

export const PORTAL_SIMULATOR_USAGE = `  portal-simulator [--port 8091] [--host 127.0.0.1] [--username U] [--password P]
                                            chạy Cổng Dịch vụ công quốc gia thử nghiệm (đồng bộ hồ sơ, tiến độ, đánh giá, thủ tục)
                                            trên cổng riêng; tài khoản mặc định motcua-demo, mật khẩu ngẫu nhiên nếu không cho`;

export async function runPortalSimulator(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '8091' },
      host: { type: 'string', default: '127.0.0.1' },
      username: { type: 'string', default: 'motcua-demo' },
      password: { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`--port: ${values.port}`);
  const password = values.password ?? randomBytes(12).toString('base64url');
  const portal = await startPortalSimulator({ host: values.host, port, username: values.username, password });
  out(`Cổng Dịch vụ công quốc gia thử nghiệm tại ${portal.url} (đăng nhập: POST ${portal.url}/auth, tích hợp: POST ${portal.url}/integration);`);
  out(`tài khoản: ${values.username}, mật khẩu: ${password}${values.password === undefined ? ' (ngẫu nhiên)' : ''};`);
  out(`lỗi giả lập: POST ${portal.url}/_faults {"fault":"down"} (none, down, slow, error5xx, exists, expiredSession, duplicateAck, lostAck, flaky);`);
  out(`tình trạng: GET ${portal.url}/_state. Ctrl+C để dừng.`);
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await portal.close();
  return 0;
}
