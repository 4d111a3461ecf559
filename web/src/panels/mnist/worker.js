// worker.js — the MNIST session in its own thread (see session.js): the page
// stays responsive however long a training step takes.
import { createSession } from './session.js';

const handle = createSession((message, transfer = []) => self.postMessage(message, transfer));
self.onmessage = (e) => handle(e.data);
