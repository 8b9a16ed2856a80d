import { Notice } from '@/components/notice';
import type { FileProblem } from '@/store/documents-store';

interface FileProblemsProps {
  problems: FileProblem[];
  onDismiss: () => void;
}

/** One line per file that was not added: its name and why. */
export function FileProblems({ problems, onDismiss }: FileProblemsProps) {
  if (problems.length === 0) return null;
  return (
    <Notice
      tone="error"
      title={
        problems.length === 1
          ? 'Not added'
          : `${problems.length} files not added`
      }
      onDismiss={onDismiss}
    >
      <ul className="file-problems">
        {problems.map((problem, index) => (
          <li key={`${index}:${problem.name}`}>
            <span className="file-name">{problem.name}</span>: {problem.reason}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
