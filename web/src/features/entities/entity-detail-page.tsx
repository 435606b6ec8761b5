import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Link, useParams } from 'react-router';
import { useT } from '@/lib/i18n';
import { EntityView } from './entity-view';
import { entityStrings } from './i18n';

/** /entities/:uscc — one market entity with its archive and credit. */
export default function EntityDetailPage() {
  const t = useT(entityStrings);
  const { uscc = '' } = useParams();
  return (
    <div style={{ padding: 24 }}>
      <Link to="/entities">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingLeft: 0, marginBottom: 8 }}>
          {t('back')}
        </Button>
      </Link>
      <EntityView uscc={uscc.toUpperCase()} key={uscc} />
    </div>
  );
}
