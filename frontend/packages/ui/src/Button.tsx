import type { ButtonHTMLAttributes } from 'react';

/** A gov.gr button: primary unless it says otherwise. */
export function Button({ variant = 'primary', className, ...button }: ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'warning';
}) {
  return <button className={`govgr-btn govgr-btn-${variant}${className ? ` ${className}` : ''}`} {...button} />;
}
