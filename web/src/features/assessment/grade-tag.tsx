import { Tag } from 'antd';
import type { GradeBand } from '@contracts/assessment';

const COLORS = ['green', 'blue', 'gold', 'orange', 'purple'];

/** A grade as a tag: the top band green, the next blue, then gold …; the fail grade red. */
export function GradeTag({ grade, bands, failGrade }: { grade: string; bands: readonly GradeBand[]; failGrade: string }) {
  const index = bands.findIndex((b) => b.grade === grade);
  const color = grade === failGrade || index < 0 ? 'red' : COLORS[index] ?? 'default';
  return (
    <Tag color={color} style={{ fontWeight: 500 }} data-testid="grade-tag">
      {grade}
    </Tag>
  );
}
