import { Alert } from 'antd';
import type { AuditVerifyResult } from '@contracts/logs';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n';
import { auditStrings } from './i18n';

/** The outcome of "verify chain": intact with the count, or where it breaks and why. */
export function VerifyResult({ result, at, onClose }: { result: AuditVerifyResult; at: string; onClose(): void }) {
  const t = useT(auditStrings);
  const when = t('verifiedAt', { time: formatDateTime(at) });
  if (result.ok) {
    return <Alert type="success" showIcon closable={{ onClose }} title={t('verifyOk', { n: result.checked })} description={when} style={{ marginBottom: 16 }} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose }}
      title={t('verifyBroken', { seq: result.firstBadSeq ?? '?', n: result.checked })}
      description={
        <>
          {result.reason ? <div>{t('verifyReason', { reason: result.reason })}</div> : null}
          <div>{when}</div>
        </>
      }
      style={{ marginBottom: 16 }}
    />
  );
}
