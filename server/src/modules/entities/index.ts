/**
 * The entities module's public surface (市场主体与质量档案), the spine every other module appends to.
 * Other modules may read the exported tables (joins, bulk scoring) but write only through
 * `appendRecord`, inside their own transaction.
 */
import type { ServerModule } from '../../platform/modules/server-module.js';
import { entitiesRoutes, type EntitiesDeps } from './entities.routes.js';
import { entityImportRoutes } from './import/entity-import.routes.js';

export { entitiesRoutes, type EntitiesDeps } from './entities.routes.js';

/** The entities module as the composition root uses it (it emits the archive events; it listens to none). */
export function createEntitiesModule(deps: EntitiesDeps): ServerModule {
  return {
    name: 'entities',
    routes(app) {
      entityImportRoutes(app);
      entitiesRoutes(app, deps);
    },
  };
}
export { entity, archiveRecord, entityProduct, entityLicence } from './entities.table.js';
export { appendRecord, toRecordDto, type AppendRecordInput } from './record.service.js';
export { loadEntityForRead } from './entity.service.js';
export { findEntityById, findEntityByUscc, effectiveRecords, type EntityRow, type RecordRow } from './entities.repository.js';
export { defaultRecordTitle, entityFlags, licenceState } from './entities.rules.js';
export { loadSearchDictionary, searchText, searchWords, tsQueryOf, tsQueryOfWords } from './entities.search.js';
export { loadPinyinTable, namePinyin, pinyinOf } from './entities.pinyin.js';
export { backfillNamePinyin } from './entity.service.js';
export { commonSearchWords, enterpriseDistrict, readCommonSearchWords, listEntities as listEntityRows } from './entities.repository.js';
export { entityImportRoutes } from './import/entity-import.routes.js';
export { importEntities } from './import/entity-import.service.js';
export { appendRecordsInBulk, registerEntitiesInBulk, usccExists, type BulkEntity, type BulkRecord } from './bulk.service.js';
