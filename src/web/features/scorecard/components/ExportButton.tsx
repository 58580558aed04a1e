import { Button } from '@mantine/core';
import type { FileExport } from '../hooks/useFileExport.js';

interface ExportButtonProps {
  exporter: FileExport;
  id: string;
  label: string;
  path: string;
  accept: string;
  fallbackName: string;
  disabled?: boolean;
}

/** A button that downloads a file the server builds (an Excel workbook, a PDF). */
export function ExportButton({ exporter, id, label, path, accept, fallbackName, disabled }: ExportButtonProps) {
  return (
    <Button
      variant="outline"
      loading={exporter.pending === id}
      disabled={disabled || (exporter.pending !== null && exporter.pending !== id)}
      onClick={() => void exporter.run(id, path, accept, fallbackName)}
    >
      {label}
    </Button>
  );
}
