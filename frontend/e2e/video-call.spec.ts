import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { expect, expectAccessible, test } from './fixtures';
import { call, cancelComing, freeTimes, GATEWAY, mailTo, signInOnKeycloak, signInToOffice, startNow, token } from './system';

// The video call behind a VIDEO booking (issue 22): separate Chromium instances with a fake camera and microphone,
// each a person in the call, through the real sign-in, the real signalling and the real TURN server.

const SERVICE = 'thessaloniki-transparency-information'; // served by clerk-thessaloniki's staff record alone

interface Person { browser: Browser; page: Page; errors: string[] }

/**
 * A person at their own computer: a browser of their own with a camera and microphone (Chromium's fake devices, which
 * send a moving picture and a tone), whose peer connections the test can read. relayOnly: their browser may reach the
 * others only through the TURN server.
 */
async function person(relayOnly = false): Promise<Person> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--disable-quic', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
  const context = await browser.newContext({ baseURL: GATEWAY, locale: 'el-GR', timezoneId: 'America/New_York' });
  await context.addInitScript((relay) => {
    const Native = window.RTCPeerConnection;
    const peers: RTCPeerConnection[] = [];
    (window as unknown as { peers: RTCPeerConnection[] }).peers = peers;
    window.RTCPeerConnection = class extends Native {
      constructor(configuration?: RTCConfiguration) {
        super(relay ? { ...configuration, iceTransportPolicy: 'relay' } : configuration);
        peers.push(this);
      }
    } as typeof RTCPeerConnection;
  }, relayOnly);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    const apiProblem = /status of 4\d\d|net::ERR_/.test(message.text()) && message.location().url.includes('/api/');
    if (message.type() === 'error' && !apiProblem) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return { browser, page, errors };
}

interface Received { frames: number; video: number; audio: number; relay: boolean }

/** What this browser receives from each participant it is connected to, from its peer connections' statistics. */
async function received(page: Page): Promise<Received[]> {
  return page.evaluate(async () => {
    const peers = (window as unknown as { peers: RTCPeerConnection[] }).peers;
    const out: Received[] = [];
    for (const pc of peers.filter((p) => p.connectionState === 'connected')) {
      const stats = await pc.getStats();
      const r: Received = { frames: 0, video: 0, audio: 0, relay: false };
      const local = new Map<string, string>();
      stats.forEach((s) => {
        if (s.type === 'local-candidate') local.set(s.id, s.candidateType);
      });
      stats.forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') { r.frames += s.framesDecoded ?? 0; r.video += s.bytesReceived ?? 0; }
        if (s.type === 'inbound-rtp' && s.kind === 'audio') r.audio += s.bytesReceived ?? 0;
        if (s.type === 'candidate-pair' && s.state === 'succeeded' && s.nominated) r.relay = local.get(s.localCandidateId) === 'relay';
      });
      out.push(r);
    }
    return out;
  });
}

/** Each of `count` others' picture is decoded and their sound arrives, and both keep coming. */
async function seesAndHears(page: Page, count: number) {
  await expect.poll(async () => (await received(page)).filter((r) => r.frames > 0 && r.audio > 0).length,
    { timeout: 30_000, message: 'pictures and sound received' }).toBe(count);
  const before = await received(page);
  await page.waitForTimeout(1500);
  const after = await received(page);
  after.forEach((r, i) => {
    expect(r.frames, 'frames decoded keep growing').toBeGreaterThan(before[i].frames);
    expect(r.audio, 'sound received keeps growing').toBeGreaterThan(before[i].audio);
  });
}

function psql(db: string, sql: string): string {
  return execFileSync('psql', ['-h', '127.0.0.1', '-U', db, '-d', db, '-At', '-F', '|', '-v', 'ON_ERROR_STOP=1', '-c', sql],
    { env: { ...process.env, PGPASSWORD: db } }).toString();
}

/** The rows written so far in every service's database, by table. */
function writes(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const db of ['registry', 'availability', 'booking', 'notification', 'gateway']) {
    for (const line of psql(db, 'SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables').trim().split('\n')) {
      const [table, n] = line.split('|');
      if (table) counts.set(`${db}.${table}`, Number(n));
    }
  }
  return counts;
}

// what a session description or a candidate would leave behind if anything kept one
const SDP = /a=fingerprint|a=ice-ufrag|a=candidate|candidate:\d+ \d (udp|tcp)/i;

test.describe('the video call', () => {
  test('citizen-maria, the assigned clerk and an invited person see and hear each other; the identity check, sound only; nothing of the call is kept', async () => {
    test.setTimeout(300_000);
    await cancelComing('citizen-maria');
    await cancelComing('citizen-anna');
    const free = await freeTimes(SERVICE, 'VIDEO');
    const guest = `guest-of-maria-${Date.now()}@example.gr`;
    const booked = await call(await token('citizens', 'citizen-maria'), 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: SERVICE, mode: 'VIDEO', start: free[0],
      person: { fullName: 'Μαρία Παπαδοπούλου', email: 'maria@example.gr', phone: '6912345678' },
      specialRequirements: { signLanguage: true, lipReading: false, thirdPartyEmail: guest },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el',
    });
    expect(booked.status).toBe(201);
    const { reference, videoLink } = booked.body as { reference: string; videoLink: string };
    // another booking's link: a fourth person who has one
    const other = await call(await token('citizens', 'citizen-anna'), 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: SERVICE, mode: 'VIDEO', start: free[free.length - 1],
      person: { fullName: 'Άννα Νικολάου', email: 'anna@example.gr', phone: '6900000001' },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el',
    });
    expect(other.status).toBe(201);

    const maria = await person();
    const clerk = await person();
    const invited = await person(true);
    const fourth = await person();
    try {
      // before the room opens, the applicant is told when it will
      await maria.page.goto(new URL(videoLink).pathname);
      await expect(maria.page.getByRole('heading', { name: 'Η τηλεδιάσκεψη δεν είναι διαθέσιμη' })).toBeVisible();
      await expect(maria.page.getByText(/Η τηλεδιάσκεψη ανοίγει στις \d\d\/\d\d\/\d{4} \d\d:\d\d \(ώρα Ελλάδας\)\./)).toBeVisible();
      await expectAccessible(maria.page);

      startNow(reference);
      const writtenBefore = writes();
      const since = Date.now();

      // the applicant signs in, finds the call on her booking, and enters
      await maria.page.goto(`/bookings/${reference}`);
      await maria.page.getByRole('link', { name: 'Σύνδεση με Taxisnet' }).first().click();
      await signInOnKeycloak(maria.page, 'citizen-maria');
      await maria.page.getByRole('link', { name: videoLink }).click();
      await expect(maria.page.getByRole('heading', { name: 'Τηλεδιάσκεψη – Δήμος Θεσσαλονίκης' })).toBeVisible();
      await expect(maria.page.getByText('Έχετε μαζί σας την αστυνομική ταυτότητα')).toBeVisible();
      await expectAccessible(maria.page);
      await maria.page.getByRole('button', { name: 'Είσοδος στην τηλεδιάσκεψη' }).click();
      await expect(maria.page.getByRole('status')).toHaveText('Είστε στην αίθουσα. Περιμένετε να συνδεθούν οι άλλοι συμμετέχοντες.');
      // the button pressed is gone: the keyboard's focus is on what the call says, which a screen reader reads
      await expect(maria.page.locator(':focus')).toContainText('Είστε στην αίθουσα.');

      // the clerk the booking is assigned to, from the day's agenda
      await signInToOffice(clerk.page, 'clerk-thessaloniki');
      await clerk.page.locator(`[data-reference="${reference}"]`).getByRole('link', { name: 'Τηλεδιάσκεψη με Μαρία Παπαδοπούλου' }).click();
      await expect(clerk.page.getByRole('heading', { name: `Τηλεδιάσκεψη ${reference}` })).toBeVisible();
      // sign language was asked for: the clerk has the interpreter's own link to pass on, which admits them as such
      const interpreter = clerk.page.getByRole('region', { name: 'Διερμηνέας νοηματικής γλώσσας' });
      const interpreterLink = await interpreter.getByRole('textbox').inputValue();
      await fourth.page.goto(new URL(interpreterLink!).pathname);
      await expect(fourth.page.getByText('Συμμετέχετε ως διερμηνέας νοηματικής γλώσσας')).toBeVisible();
      await expectAccessible(clerk.page);
      await clerk.page.getByRole('button', { name: 'Είσοδος στην τηλεδιάσκεψη' }).click();
      await expect(clerk.page.getByRole('region', { name: 'Η αίθουσα της τηλεδιάσκεψης' }).getByRole('status').first())
        .toHaveText('Στην κλήση: Αιτών/Αιτούσα.');
      await expect(maria.page.getByRole('status')).toHaveText('Στην κλήση: Υπάλληλος του δήμου.');
      await seesAndHears(maria.page, 1);
      await seesAndHears(clerk.page, 1);
      await expectAccessible(maria.page);
      await expectAccessible(clerk.page);

      // the invited person, by the link of their own invitation, through the TURN server only
      const invitation = await mailTo(guest, (m) => /\/call\//.test(m.body));
      const link = invitation.body.match(/https?:\/\/[^\s"<]+\/call\/[A-Za-z0-9_-]{43}/)![0];
      expect(link).not.toBe(videoLink);
      await invited.page.goto(new URL(link).pathname);
      await expect(invited.page.getByText('Σας προσκάλεσε ο αιτών ή η αιτούσα')).toBeVisible();
      await invited.page.getByRole('button', { name: 'Είσοδος στην τηλεδιάσκεψη' }).click();
      await expect(invited.page.getByRole('status')).toHaveText(/Στην κλήση: (Αιτών\/Αιτούσα, Υπάλληλος του δήμου|Υπάλληλος του δήμου, Αιτών\/Αιτούσα)\./);
      await seesAndHears(invited.page, 2);
      await seesAndHears(maria.page, 2);
      await seesAndHears(clerk.page, 2);
      expect((await received(invited.page)).every((r) => r.relay), 'the invited person is connected through TURN').toBe(true);

      // sound only comes after the identity check, which the clerk records from what was shown on camera
      const soundOnly = maria.page.getByRole('button', { name: 'Μόνο ήχος (χωρίς κάμερα)' });
      await expect(soundOnly).toBeDisabled();
      await clerk.page.getByLabel('Δελτίο ταυτότητας ή διαβατήριο, που αντιστοιχεί στα δηλωμένα στοιχεία').check();
      await clerk.page.getByRole('button', { name: 'Καταγραφή του ελέγχου ταυτότητας' }).click();
      await expect(clerk.page.getByText(/Ο έλεγχος ταυτότητας καταγράφηκε στις/)).toBeVisible();
      await expect(clerk.page.locator(':focus')).toContainText(/^Ο έλεγχος ταυτότητας καταγράφηκε στις/);
      const checked = await call(await token('employees', 'clerk-thessaloniki'), 'GET', `/api/bookings/${reference}`);
      expect(checked.body.status).toBe('CHECKED_IN');
      expect(checked.body.videoCall.identityCheck.identityDocumentShown).toBe(true);
      await expect(soundOnly).toBeEnabled();
      await soundOnly.click();
      await expect(soundOnly).toHaveAttribute('aria-pressed', 'true');
      await expect(clerk.page.getByText('Αιτών/Αιτούσα – μόνο ήχος')).toBeVisible();
      expect(await maria.page.locator('video[aria-label="Η εικόνα σας"]')
        .evaluate((v) => ((v as HTMLVideoElement).srcObject as MediaStream).getVideoTracks().length)).toBe(0);
      const heard = await received(clerk.page);
      await clerk.page.waitForTimeout(1500);
      (await received(clerk.page)).forEach((r, i) => expect(r.audio).toBeGreaterThan(heard[i].audio));
      await expectAccessible(clerk.page);

      // what the call wrote: the identity check and the arrival on the booking, their events and notices, the audit of
      // the requests (listed from the databases' statistics, which lag a little) — and nowhere, in any table of any
      // service's database or any file written meanwhile, a session description or a network candidate
      const writtenAfter = writes();
      const written = [...writtenAfter].filter(([table, n]) => n > (writtenBefore.get(table) ?? 0)).map(([table]) => table);
      console.log(`written during the call: ${written.join(', ')}`);
      for (const table of writtenAfter.keys()) {
        const [db, name] = table.split('.');
        expect(psql(db, `SELECT count(*) FROM ${name} t WHERE t::text ~* '${SDP.source.replace(/'/g, "''")}'`).trim(), table).toBe('0');
      }
      const files = execFileSync('find', ['../deploy/local/.runtime', '-type', 'f', '-newermt', `@${Math.floor(since / 1000)}`])
        .toString().trim().split('\n').filter(Boolean);
      console.log(`files written during the call: ${files.length}`);
      for (const file of files) {
        const grep = (() => { try { return execFileSync('grep', ['-a', '-l', '-i', '-E', SDP.source, file]).toString(); } catch { return ''; } })();
        expect(grep, `${file} holds nothing of a call's connection`).toBe('');
      }

      // the clerk completes the appointment: the call ends for everyone, and its room does not open again
      await clerk.page.getByRole('button', { name: 'Ολοκλήρωση του ραντεβού και τέλος της κλήσης' }).click();
      await expect(maria.page.getByRole('status')).toHaveText('Η τηλεδιάσκεψη ολοκληρώθηκε.');
      await expect(maria.page.locator(':focus')).toContainText('Η τηλεδιάσκεψη ολοκληρώθηκε.');
      await expect(invited.page.getByRole('status')).toHaveText('Η τηλεδιάσκεψη ολοκληρώθηκε.');
      expect((await call(await token('employees', 'clerk-thessaloniki'), 'GET', `/api/bookings/${reference}`)).body.status).toBe('COMPLETED');
      await maria.page.goto(new URL(videoLink).pathname);
      await expect(maria.page.getByText('Η τηλεδιάσκεψη έχει τελειώσει.')).toBeVisible();

      // someone with another booking's link is not let into this call: that room is not open
      const otherLink = (other.body as { videoLink: string }).videoLink;
      await fourth.page.goto(new URL(otherLink).pathname);
      await expect(fourth.page.getByRole('heading', { name: 'Η τηλεδιάσκεψη δεν είναι διαθέσιμη' })).toBeVisible();
      // and once that booking is cancelled, its room never opens
      expect((await call(await token('citizens', 'citizen-anna'), 'POST', `/api/bookings/${(other.body as { reference: string }).reference}/cancel`)).status).toBe(200);
      await fourth.page.reload();
      await expect(fourth.page.getByText('Το ραντεβού ακυρώθηκε· η τηλεδιάσκεψή του δεν θα γίνει.')).toBeVisible();
      await expect(fourth.page.getByRole('link', { name: 'Κλείστε νέο ραντεβού' })).toBeVisible();
      await expectAccessible(fourth.page);

      for (const p of [maria, clerk, invited, fourth]) expect(p.errors, 'browser console errors').toEqual([]);
    } finally {
      await Promise.all([maria, clerk, invited, fourth].map((p) => p.browser.close()));
    }
  });

  test('the municipal admin names a colleague of the unit to take a call in place of the assigned employee', async ({ page }) => {
    const admin = await token('employees', 'admin-thessaloniki');
    const colleague = `thessaloniki-emp-standin-${Date.now() % 1_000_000}`;
    expect((await call(admin, 'POST', '/api/registry/municipalities/thessaloniki/employees', {
      id: colleague, unitId: 'thessaloniki-transparency', displayName: 'Ζ. Αναπληρωτή', serviceIds: [SERVICE],
    })).status).toBe(201);
    // a caller's booking that the clerk makes on the phone: it counts against no citizen's limits of the run (ID-4)
    const clerk = await token('employees', 'clerk-thessaloniki');
    const booked = await call(clerk, 'POST', '/api/bookings', {
      municipality: 'thessaloniki', service: SERVICE, mode: 'VIDEO', start: (await freeTimes(SERVICE, 'VIDEO'))[0], channel: 'PHONE',
      person: { fullName: 'Ελένη Αθανασίου', email: 'eleni@example.gr', phone: '6912345678' },
      onBehalfOfOther: false, declarationAccepted: true, language: 'el',
    });
    expect(booked.status).toBe(201);
    const { reference, employee } = booked.body as { reference: string; employee: string };
    // the other one of the office's two takes the call; the schedules learn of the new one from the registry's events
    const [standIn, name] = employee === colleague ? ['thessaloniki-emp-08', 'Ε. Κωνσταντίνου'] : [colleague, 'Ζ. Αναπληρωτή'];
    await expect.poll(async () => (await call(admin, 'PUT', '/api/bookings/calls/stand-ins', { reference, employee: standIn })).status,
      { timeout: 30_000 }).toBe(200);
    expect((await call(admin, 'PUT', '/api/bookings/calls/stand-ins', { reference, employee: null })).status).toBe(200);
    try {
      await signInToOffice(page, 'admin-thessaloniki');
      await page.goto(`/office/calls/${reference}`);
      await expect(page.getByRole('heading', { name: 'Συνάδελφος για την τηλεδιάσκεψη' })).toBeVisible();
      await page.getByLabel('Συνάδελφος', { exact: true }).selectOption({ label: name });
      await page.getByRole('button', { name: 'Αποθήκευση' }).click();
      await expect(page.getByRole('status')).toHaveText('Ο συνάδελφος ορίστηκε: μπαίνει στην τηλεδιάσκεψη από το πρόγραμμα ημέρας.');
      await expectAccessible(page);
      expect((await call(admin, 'GET', `/api/bookings/${reference}`)).body.videoCall.standIn).toBe(standIn);
      // and taken back
      await page.getByLabel('Συνάδελφος', { exact: true }).selectOption('');
      await page.getByRole('button', { name: 'Αποθήκευση' }).click();
      await expect(page.getByRole('status')).toHaveText('Την τηλεδιάσκεψη παίρνει ο υπάλληλος του ραντεβού.');
      expect((await call(admin, 'GET', `/api/bookings/${reference}`)).body.videoCall.standIn ?? null).toBeNull();
    } finally {
      expect((await call(clerk, 'POST', `/api/bookings/${reference}/cancel?channel=PHONE`)).status).toBe(200);
      expect((await call(admin, 'DELETE', `/api/registry/municipalities/thessaloniki/employees/${colleague}`)).status).toBe(204);
    }
  });

  test('the device check shows the camera, hears the microphone and plays a sound', async () => {
    const someone = await person();
    try {
      await someone.page.goto('/device-check');
      await expect(someone.page.getByRole('heading', { name: 'Έλεγχος κάμερας και μικροφώνου' })).toBeVisible();
      await expectAccessible(someone.page);
      await someone.page.getByRole('button', { name: 'Έναρξη ελέγχου' }).click();
      const preview = someone.page.locator('video[aria-label="Η εικόνα της κάμεράς σας"]');
      await expect.poll(() => preview.evaluate((v) => (v as HTMLVideoElement).videoWidth)).toBeGreaterThan(0);
      await expect.poll(() => someone.page.getByLabel(/Ένταση μικροφώνου/).evaluate((m) => (m as HTMLMeterElement).value))
        .toBeGreaterThan(0);
      await someone.page.getByRole('button', { name: 'Αναπαραγωγή ήχου δοκιμής' }).click();
      await expect(someone.page.getByText(/είστε έτοιμοι για την τηλεδιάσκεψη/)).toBeVisible();
      await expectAccessible(someone.page);
      expect(someone.errors).toEqual([]);
    } finally {
      await someone.browser.close();
    }
  });
});
