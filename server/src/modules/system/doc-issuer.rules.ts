/**
 * Pure rules of the official-document issuers (公文发文机关): the coded defaults, used until an
 * administrator stores the city's own. No database, no clock.
 */
import type { DocIssuerKey } from '../../../../contracts/system.js';

export interface DocIssuerSetting {
  name: string;
  mark: string;
  prefix: string;
  printer: string;
}

/**
 * The defaults: the 通报 is the quality office's (质量强市工作领导小组办公室, a 文件 of its own, 津质强办),
 * the credit report the market regulator's, which keeps the credit archive (津市监信).
 */
export const DEFAULT_DOC_ISSUERS: Readonly<Record<DocIssuerKey, DocIssuerSetting>> = {
  'assessment-notice': {
    name: '天津市质量强市工作领导小组办公室',
    mark: '天津市质量强市工作领导小组办公室文件',
    prefix: '津质强办',
    printer: '天津市质量强市工作领导小组办公室',
  },
  'credit-report': {
    name: '天津市市场监督管理委员会',
    mark: '天津市市场监督管理委员会',
    prefix: '津市监信',
    printer: '天津市市场监督管理委员会',
  },
};
