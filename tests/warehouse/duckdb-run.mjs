// Runs one SQL query in DuckDB over a CSV file and prints the result as CSV.
//
//   node duckdb-run.mjs CSV TABLE SQLFILE TYPES_JSON
//   node duckdb-run.mjs --version
//
// TYPES_JSON is an object {column: DuckDB type} in table order, e.g.
// '{"customer_id":"VARCHAR","wait_seconds":"DOUBLE"}'.  The table TABLE
// gets those columns; the CSV's header names which of them the file holds
// (any order; the rest are NULL).  Every empty cell, quoted or not, is
// NULL.  The query (one statement; a final ';' is fine) runs, and its
// result prints as CSV with a header: each value as DuckDB casts it to
// VARCHAR (a DOUBLE in its shortest exact form: 0.1 + 0.2 prints
// 0.30000000000000004, 2.0 prints 2.0), NULL as an empty cell, fields
// quoted when they hold a comma, a quote or a line break.  Rows keep the
// query's order.  Exit status 1 with a message on stderr on any error.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { DuckDBInstance, version } from '@duckdb/node-api';

function fail(msg) {
	process.stderr.write(`duckdb-run: ${msg}\n`);
	process.exit(1);
}

const quoteIdent = (s) => `"${String(s).replaceAll('"', '""')}"`;
const quoteString = (s) => `'${String(s).replaceAll("'", "''")}'`;
const csvField = (v) => {
	if (v === null || v === undefined) return '';
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

// the CSV's header (RFC 4180: the first record, quoted names allowed)
function csvHeader(path) {
	// the first 1 MB holds the header: the file may be larger than a string can be
	const fd = openSync(path, 'r');
	const buf = Buffer.alloc(1 << 20);
	const got = readSync(fd, buf, 0, buf.length, 0);
	closeSync(fd);
	let text = buf.subarray(0, got).toString('utf8');
	if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
	const names = [];
	let field = '';
	let i = 0;
	let quoted = false;
	for (; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
			else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') { names.push(field); field = ''; }
		else if (c === '\n' || c === '\r') break;
		else field += c;
	}
	names.push(field);
	return names;
}

async function main(argv) {
	if (argv[0] === '--version') {
		const instance = await DuckDBInstance.create(':memory:');
		const conn = await instance.connect();
		const r = await conn.runAndReadAll('SELECT version()');
		process.stdout.write(`DuckDB ${r.getRows()[0][0]} (@duckdb/node-api, bindings ${version()})\n`);
		return;
	}
	if (argv.length !== 4) fail('usage: node duckdb-run.mjs CSV TABLE SQLFILE TYPES_JSON');
	const [csvPath, table, sqlFile, typesJson] = argv;
	let types;
	try {
		types = JSON.parse(typesJson);
	} catch (e) {
		fail(`TYPES_JSON: ${e.message}`);
	}
	const header = csvHeader(csvPath);
	for (const h of header) if (!(h in types)) fail(`${csvPath}: column ${h} has no type`);
	const sql = readFileSync(sqlFile, 'utf8').trim().replace(/;\s*$/, '');

	const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
	const conn = await instance.connect();
	const defs = Object.entries(types).map(([n, t]) => `${quoteIdent(n)} ${t}`).join(', ');
	await conn.run(`CREATE TABLE ${quoteIdent(table)} (${defs})`);
	// read every column as text first (the file's own order), then cast:
	// read_csv's columns= must list the file's columns in file order
	const cols = header.map((h) => `${quoteString(h)}: 'VARCHAR'`).join(', ');
	const names = header.map(quoteIdent).join(', ');
	const casts = header.map((h) => `CAST(${quoteIdent(h)} AS ${types[h]})`).join(', ');
	await conn.run(
		`INSERT INTO ${quoteIdent(table)} (${names}) SELECT ${casts} FROM read_csv(` +
		`${quoteString(csvPath)}, header = true, columns = {${cols}}, ` +
		`allow_quoted_nulls = true, nullstr = '', auto_detect = false, delim = ',', quote = '"', escape = '"')`);

	// each value as DuckDB prints it: cast to VARCHAR by DuckDB itself, in
	// a projection over the query, which keeps the query's row order
	const result = await conn.runAndReadAll(`SELECT COLUMNS(*)::VARCHAR FROM (${sql}) AS __q`);
	const out = [result.columnNames().map(csvField).join(',')];
	for (const row of result.getRows()) out.push(row.map(csvField).join(','));
	process.stdout.write(out.join('\n') + '\n');
}

main(process.argv.slice(2)).catch((e) => fail(e && e.message ? e.message : String(e)));
