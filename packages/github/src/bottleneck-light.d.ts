// bottleneck/light.js is Bottleneck without its Redis clustering (and the ~60 KiB that comes with
// it); @octokit/plugin-throttling uses the same build. The package ships types for its main entry only.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
