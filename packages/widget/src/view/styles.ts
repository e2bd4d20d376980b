/**
 * The widget's own styles, scoped by its shadow root. Pages brand it with the `--tidings-*` custom
 * properties and style any `::part(...)`. Defaults meet WCAG AA contrast on the default surface.
 */
export const styles = `
:host{display:block;max-width:32rem;font:var(--tidings-font,inherit);color:var(--tidings-text,#1b1f1d);line-height:1.5;
--_accent:var(--tidings-accent,#0b6e4f);--_accent-text:var(--tidings-accent-text,#fff);--_muted:var(--tidings-muted,#4f5a55);
--_error:var(--tidings-error,#b3261e);--_border:var(--tidings-border,#8a9690);--_radius:var(--tidings-radius,.5rem);
--_focus:var(--tidings-focus,#1a5fb4)}
:host([hidden]){display:none}
*{box-sizing:border-box}
.box{background:var(--tidings-surface,#fff);border-radius:var(--tidings-radius-outer,1rem);padding:var(--tidings-padding,1.25rem 1.5rem)}
h2{font-size:var(--tidings-heading-size,1.35rem);line-height:1.25;margin:.25rem 0 .75rem}
h2:focus{outline:none}
h2:focus-visible{outline:2px solid var(--_focus);outline-offset:2px}
p{margin:.5rem 0}
.logo{display:block;max-height:3rem;max-width:12rem;margin-bottom:.5rem}
.muted,.hint{color:var(--_muted)}
.hint{font-size:.9em;margin:.25rem 0 0}
.field{margin:0 0 1.1rem;border:0;padding:0;min-width:0}
label,legend{font-weight:600}
legend{padding:0;margin-bottom:.35rem}
.phone{display:flex;gap:.5rem;margin-top:.35rem;flex-wrap:wrap}
select,input[type=tel]{font:inherit;color:inherit;background:var(--tidings-input-bg,#fff);border:1px solid var(--_border);border-radius:var(--_radius);padding:.55rem .65rem;min-height:2.75rem}
select{flex:1 1 9rem;min-width:0}
input[type=tel]{flex:2 1 11rem;min-width:0}
[aria-invalid=true]{border-color:var(--_error);border-width:2px}
.choice{display:flex;gap:.6rem;align-items:flex-start;padding:.3rem 0}
.choice input{width:1.2rem;height:1.2rem;margin:.2rem 0 0;accent-color:var(--_accent);flex:none}
.choice label{font-weight:500}
.choice .hint{display:block;font-weight:400}
.error{color:var(--_error);font-weight:600;margin:.35rem 0 0}
.error:empty{display:none}
.notice{font-size:.9em;border-left:3px solid var(--_accent);padding:.1rem 0 .1rem .75rem;margin:1rem 0}
a{color:var(--_accent)}
:focus-visible{outline:2px solid var(--_focus);outline-offset:2px}
.button,button{display:inline-flex;gap:.5rem;align-items:center;justify-content:center;font:inherit;font-weight:600;
min-height:2.75rem;padding:.55rem 1.1rem;border-radius:var(--_radius);border:2px solid var(--_accent);cursor:pointer;text-decoration:none}
.primary{background:var(--_accent);color:var(--_accent-text)}
.secondary{background:transparent;color:var(--_accent)}
button:disabled{opacity:.6;cursor:progress}
.actions{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center;margin-top:1rem}
.messengers{list-style:none;padding:0;margin:1rem 0 0;display:grid;gap:.6rem}
.messengers button{width:100%;justify-content:flex-start;background:transparent;color:inherit;border-color:var(--_border)}
.messengers button:hover{border-color:var(--_accent)}
svg[part~=icon]{width:1.5rem;height:1.5rem;flex:none;color:var(--_accent)}
.primary svg[part~=icon]{color:inherit}
.sender{font-size:1.2em;font-weight:700;letter-spacing:.02em;white-space:nowrap}
.steps{padding-left:1.25rem}
.steps li{margin:.35rem 0}
code{font-family:ui-monospace,monospace;background:var(--tidings-code-bg,#eef2f0);padding:.05rem .3rem;border-radius:.25rem;overflow-wrap:anywhere}
.qr{margin:1rem 0 0;display:flex;gap:1rem;align-items:center}
.qr svg{width:9rem;height:9rem;flex:none;border:1px solid var(--_border);border-radius:.25rem}
.status{display:flex;gap:.5rem;align-items:center;font-weight:600}
.spinner{width:1rem;height:1rem;border:2px solid currentColor;border-right-color:transparent;border-radius:50%;animation:spin 1s linear infinite;flex:none}
@keyframes spin{to{transform:rotate(360deg)}}
@media (prefers-reduced-motion:reduce){.spinner{animation:none}}
.honeypot{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:30rem){.qr{flex-direction:column;align-items:flex-start}}
`;
