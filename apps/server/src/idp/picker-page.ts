// The persona picker of the development identity provider: plain HTML, one button per persona, with
// the person's name and the persona id the README and the tests use.
import type { Persona } from './personas.ts';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

const GROUPS: readonly { readonly group: Persona['group']; readonly title: string }[] = [
  { group: 'voter-belgium', title: 'Voters in Belgium' },
  { group: 'voter-abroad', title: 'Voters abroad' },
  { group: 'official', title: 'Officials' },
  { group: 'refused', title: 'Logins isoloir must refuse' },
];

const STYLE = `body{font-family:system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}ul{list-style:none;padding:0}li{margin:.4rem 0}
button{font:inherit;text-align:left;width:100%;padding:.6rem .8rem;border:1px solid #6b6b6b;border-radius:.3rem;background:#f4f4f4;cursor:pointer}
button:hover,button:focus{background:#e2ecff;outline:2px solid #1d4ed8}.who{font-weight:600}.what{display:block;color:#3d3d3d;font-size:.92rem}
.id{font-size:.85rem;color:#3d3d3d}.banner{background:#fff4ce;border:1px solid #8a6d00;padding:.6rem .8rem;border-radius:.3rem}`;

export function pickerPage(uid: string, personas: readonly Persona[], clientId: string, requested: string): string {
  const sections = GROUPS.map(({ group, title }) => {
    const items = personas
      .filter((p) => p.group === group)
      .map(
        (p) =>
          `<li><button type="submit" name="persona" value="${escapeHtml(p.id)}" data-persona="${escapeHtml(p.id)}"><span class="who">${escapeHtml(`${p.claims.givenName} ${p.claims.surname}`)}</span> <code class="id">${escapeHtml(p.id)}</code><span class="what">${escapeHtml(p.description)}</span></button></li>`,
      )
      .join('');
    return items === '' ? '' : `<section><h2>${title}</h2><ul>${items}</ul></section>`;
  }).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Development identity provider: choose a persona</title><style>${STYLE}</style></head><body><main>
<h1>Development identity provider (plays CSAM/FAS)</h1>
<p class="banner">For development and tests only. Pick who you are; no password is asked. Client <code>${escapeHtml(clientId)}</code> asked for <code>${escapeHtml(requested)}</code>.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/login">${sections}</form>
</main></body></html>`;
}

export function logoutPage(form: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Signing out</title></head><body><main>
<h1>Signing out of the development identity provider…</h1>${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>
<script>const f=document.getElementById('op.logoutForm');const i=document.createElement('input');i.type='hidden';i.name='logout';i.value='yes';f.appendChild(i);f.submit();</script>
</main></body></html>`;
}
