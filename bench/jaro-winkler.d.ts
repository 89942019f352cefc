// The npm `jaro-winkler` package ships no types; the benchmark compares its speed with ours.
declare module 'jaro-winkler' {
  export default function distance(left: string, right: string, options?: { caseSensitive?: boolean }): number;
}
