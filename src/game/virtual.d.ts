declare module 'virtual:asset-list' {
  /** Every file under assets/ when the build ran, as site paths ("/portraits/trophy-room/calm.svg"). */
  const files: string[];
  export default files;
}
