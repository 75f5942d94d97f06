import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { startApp } from './lib/state/app';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
void startApp();
