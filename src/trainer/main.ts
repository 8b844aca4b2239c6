// The trainer dashboard's entry (trainer.html): fonts, styles, and the Preact app.
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import '@fontsource/nunito/800.css';
import './styles.css';
import { h, render } from 'preact';
import { App } from './app.ts';

render(h(App, null), document.getElementById('app') as HTMLElement);
