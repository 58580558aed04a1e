/** Display of dossier dates, budgets and labels in the back office (Vietnam time, dd/MM/yyyy HH:mm). */
import { ROLE_LABELS, isRole } from '../../../domain/access/roles.js';
import { CHANNEL_LABELS, STEP_ROLE_LABELS, type StepRole } from '../../../domain/catalogue/procedure.js';
import { ACTION_LABELS, ACTION_TYPES, type ActionType } from '../../../domain/dossier/dossier.js';
import { formatIsoDate, formatTime, todayInVietnam } from '../../shared/format.js';

const WEEKDAYS = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO instant as "dd/MM/yyyy HH:mm" in Vietnam time; an unreadable value unchanged. */
export function formatDeadline(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  return `${formatIsoDate(todayInVietnam(date))} ${formatTime(date)}`;
}

/** "Thứ Hai, 23/11/2026 lúc 17:00": the appointment as the applicant reads it. */
export function formatAppointment(iso: string): string {
  const date = parse(iso);
  if (!date) return iso;
  const day = todayInVietnam(date);
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, dayOfMonth)).getUTCDay()];
  return `${weekday}, ${formatIsoDate(day)} lúc ${formatTime(date)}`;
}

/** A step's budget of working time: "1 giờ làm việc", "1 ngày làm việc", "1 ngày 4 giờ làm việc" (8 hours a day). */
export function formatBudget(minutes: number): string {
  if (minutes <= 0) return 'Không quy định';
  const days = Math.floor(minutes / 480);
  const rest = minutes % 480;
  const hours = Math.floor(rest / 60);
  const mins = rest % 60;
  const parts = [days > 0 ? `${days} ngày` : '', hours > 0 ? `${hours} giờ` : '', mins > 0 ? `${mins} phút` : ''].filter(Boolean);
  return `${parts.join(' ')} làm việc`;
}

/** Working minutes as "1 giờ 30 phút", "45 phút". */
export function formatWorkingMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} phút`;
  return m === 0 ? `${h} giờ` : `${h} giờ ${m} phút`;
}

export function actionLabel(type: string): string {
  return (ACTION_TYPES as readonly string[]).includes(type) ? ACTION_LABELS[type as ActionType] : type;
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export function stepRoleLabel(role: StepRole): string {
  return STEP_ROLE_LABELS[role];
}

export function channelLabel(channel: string): string {
  return channel in CHANNEL_LABELS ? CHANNEL_LABELS[channel as keyof typeof CHANNEL_LABELS] : channel;
}
