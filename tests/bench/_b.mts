import { makeTempDir } from '../support/temp';
import { bundleFigures } from './bundle-bench';

const t = makeTempDir('b-');
for (let i = 0; i < 2; i++) {
  const f = await bundleFigures(t.dir + i);
  console.log(f.departmentViewMs);
}
t.cleanup();
