/**
 * The Programs tab: every installed program and generated source (from the latest
 * `list` snapshot), as cards; and an install form for the program files.
 */
import { useState } from 'react';
import { usePlayground, usePlaygroundState } from '../app/context.js';
import { ProgramCard } from './ProgramCard.js';

function InstallForm() {
  const playground = usePlayground();
  const files = usePlaygroundState((s) => s.files);
  const programs = Object.keys(files)
    .filter((n) => !n.endsWith('.txt'))
    .sort();
  const [file, setFile] = useState('');
  const [name, setName] = useState('');
  const chosen = programs.includes(file) ? file : (programs[0] ?? '');
  const defaultName = chosen.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_]/g, '_');
  return (
    <form
      className="install-form"
      aria-label="Install a program"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen !== '') void playground.run(`install ${name.trim() || defaultName} ${chosen}`, 'form');
        setName('');
      }}
    >
      <label>
        file{' '}
        <select value={chosen} onChange={(e) => setFile(e.target.value)}>
          {programs.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </label>
      <label>
        as{' '}
        <input
          value={name}
          placeholder={defaultName}
          spellCheck={false}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <button type="submit" disabled={chosen === ''}>
        Install
      </button>
    </form>
  );
}

/** The Programs panel. */
export function ProgramsPanel() {
  const list = usePlaygroundState((s) => s.list);
  const programs = list?.programs ?? [];
  return (
    <div className="programs-panel">
      <InstallForm />
      {programs.length === 0 ? (
        <p className="muted empty">Nothing installed yet. Install a program above or run the script.</p>
      ) : (
        programs.map((p) => <ProgramCard key={p.name} program={p} traces={list?.traces ?? []} />)
      )}
    </div>
  );
}
