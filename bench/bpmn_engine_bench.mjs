// The nine-task emergency case through the npm package bpmn-engine: bench/data/
// nine-task.bpmn, CASES cases one after another, each user task signalled with the same
// form data nine_task_bench.cc submits to erflow, and after every task the execution's
// state (getState(), what bpmn-engine offers for persistence) written to the case's
// state file and fsynced — the least a durable engine must do (it is not even an atomic
// replace, which SQLite's commit is).
//
// usage: node bpmn_engine_bench.mjs BPMN_FILE CASES STATE_DIR
import { Engine } from 'bpmn-engine';
import BpmnModdle from 'bpmn-moddle';
import * as elements from 'bpmn-elements';
import { default as serialize, TypeResolver } from 'moddle-context-serializer';
import { EventEmitter } from 'node:events';
import fs from 'node:fs';

const [bpmnFile, casesText, stateDir] = process.argv.slice(2);
const cases = Number(casesText);
const source = fs.readFileSync(bpmnFile, 'utf8');
// Parsed and serialised once, as erflow loads a definition once: parsing the XML for
// every case would cost bpmn-engine several times more than running it.
const sourceContext = serialize(await new BpmnModdle().fromXML(source), TypeResolver(elements));
const forms = {
  report: {
    title: '机房UPS故障导致政务外网中断', discovered_at: '2025-09-30T08:52:00+08:00',
    description: '08:52 机房UPS告警，政务外网核心交换机掉电，全县政务外网中断。',
    people_affected: 3000, loss: 12.5,
  },
  summary: { cause: 'UPS电池老化。', result: '已恢复。', improvements: ['建立电池巡检制度'] },
};
const handling = { measures: '切换备用电源，隔离故障UPS，恢复核心交换机供电。' };

function save(path, state) {
  const fd = fs.openSync(path, 'w');
  fs.writeSync(fd, JSON.stringify(state));
  fs.fsyncSync(fd);
  fs.closeSync(fd);
}

const t0 = process.hrtime.bigint();
let bytes = 0;
for (let i = 0; i < cases; i++) {
  const listener = new EventEmitter();
  const waiting = [];
  listener.on('wait', (api) => waiting.push(api));
  const engine = new Engine({ name: `case-${i}`, sourceContext });
  let ended = false;
  engine.once('end', () => { ended = true; });
  const execution = await engine.execute({ listener });
  const path = `${stateDir}/case-${i}.json`;
  let signalled = 0;
  while (waiting.length) {
    const task = waiting.shift();
    task.signal({ form: forms[task.id] ?? handling });
    signalled++;
    const state = execution.getState();
    save(path, state);
    if (i === 0) bytes = Math.max(bytes, JSON.stringify(state).length);
  }
  if (signalled !== 9 || !ended || execution.isRunning) {
    console.error(`bpmn-engine: case ${i} signalled ${signalled} tasks, ended=${ended}`);
    process.exit(1);
  }
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(`RESULT bpmn cases=${cases} seconds=${seconds.toFixed(3)} ` +
            `cases_per_s=${(cases / seconds).toFixed(1)} state_bytes=${bytes}`);
