import { usePageTitle } from '@mydimos/ui';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import guideEl from '../../../../../docs/user-guide.el.md?raw';
import guideEn from '../../../../../docs/user-guide.en.md?raw';

/**
 * The user manual (seed 004 Art.2§10), the citizens' part of docs/user-guide.{el,en}.md: one text, in the repository
 * and on the site. Rendered as React elements from the few Markdown forms it uses (headings, paragraphs, numbered and
 * bulleted lists, bold, code), never as HTML.
 */
export function GuidePage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('guide.title'));
  const text = i18n.language === 'en' ? guideEn : guideEl;
  const sections = text.split(/^## /m);
  const citizens = sections[1] ?? ''; // the first section is for citizens
  const [heading, ...body] = citizens.split('\n');
  return (
    <div className="govgr-grid-column-two-thirds">
      <Link className="govgr-back-link" to="/">{t('guide.back')}</Link>
      <h1 className="govgr-heading-xl">{t('guide.title')}</h1>
      <h2 className="govgr-heading-m">{heading}</h2>
      {blocks(body.join('\n'))}
    </div>
  );
}

function blocks(markdown: string): ReactNode[] {
  // paragraphs end at a blank line or where a list begins; a list item goes on over its indented lines
  const found: { kind: 'p' | 'ol' | 'ul'; lines: string[] }[] = [];
  for (const line of markdown.trim().split('\n')) {
    const kind = /^\d+\. /.test(line) ? 'ol' : /^- /.test(line) ? 'ul' : null;
    const last = found[found.length - 1];
    if (line.trim() === '') {
      found.push({ kind: 'p', lines: [] });
    } else if (kind) {
      if (last?.kind === kind) last.lines.push(line.replace(/^(\d+\.|-) /, ''));
      else found.push({ kind, lines: [line.replace(/^(\d+\.|-) /, '')] });
    } else if (last && last.kind !== 'p' && /^\s/.test(line)) {
      last.lines[last.lines.length - 1] += ` ${line.trim()}`;
    } else if (last?.kind === 'p') {
      last.lines.push(line);
    } else {
      found.push({ kind: 'p', lines: [line] });
    }
  }
  return found.filter((block) => block.lines.length > 0).map((block, i) => {
    if (block.kind === 'p') return <p className="govgr-body" key={i}>{inline(block.lines.join(' '))}</p>;
    const Tag = block.kind;
    return <Tag className={`govgr-list govgr-list--${block.kind === 'ol' ? 'number' : 'bullet'}`} key={i}>
      {block.lines.map((item, j) => <li key={j}>{inline(item)}</li>)}
    </Tag>;
  });
}

function inline(text: string): ReactNode {
  return text.split(/(\*\*[^*]+\*\*|`[^`]+`)/).map((part, i) => (
    part.startsWith('**') ? <strong key={i}>{part.slice(2, -2)}</strong>
      : part.startsWith('`') ? <code key={i}>{part.slice(1, -1)}</code>
        : <Fragment key={i}>{part}</Fragment>
  ));
}
