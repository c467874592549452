
var SnapshotGapError=class extends Error{name="SnapshotGapError"};export{SnapshotGapError};
