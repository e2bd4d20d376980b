import { fork } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import autocannon from '/work/wt-ingest/bench/node_modules/autocannon/autocannon.js';
const APP_SECRET = 'bench-app-secret-0123456789';
const PHONE_NUMBER_ID = '106540352242922';
const child = fork('/work/wt-ingest/bench/whatsapp-ingest.child.mjs', {
  env: { ...process.env, APP_SECRET, PHONE_NUMBER_ID }, execArgv: process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/ingest-prof'] : [],
});
const [{ port }] = await once(child, 'message');
function webhook(i){const from=String(4915100000000+i);return JSON.stringify({object:'whatsapp_business_account',entry:[{id:'419561257915477',changes:[{field:'messages',value:{messaging_product:'whatsapp',metadata:{display_phone_number:'15550783880',phone_number_id:PHONE_NUMBER_ID},contacts:[{profile:{name:`Person ${i}`},wa_id:from}],messages:[{from,id:`wamid.bench${i}`,timestamp:String(1780000000+(i%1000)),type:'text',text:{body:'Hallo'}}]}}]}]});}
const reqs = Array.from({length:100000},(_,i)=>{const body=webhook(i);return {body,signature:`sha256=${createHmac('sha256',APP_SECRET).update(body).digest('hex')}`};});
let next=0;
for (const d of [2, Number(process.env.SECS ?? 5)]) {
const r = await autocannon({url:`http://127.0.0.1:${port}/tidings/webhooks/whatsapp`,connections:Number(process.env.CONN??16),duration:d,workers: process.env.WORKERS? Number(process.env.WORKERS): undefined,
requests:[{method:'POST',setupRequest:(req)=>{const x=reqs[next++%100000];return {...req,headers:{'content-type':'application/json','x-hub-signature-256':x.signature},body:x.body};}}]});
console.log(d, 'rps', r.requests.average, 'p99', r.latency.p99, 'non2xx', r.non2xx, 'err', r.errors);
}
child.send('stop'); await once(child,'exit');
