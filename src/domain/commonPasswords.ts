// Passwords that appear at the top of breach corpora (the NCSC "100k" list and similar), in lower case.
// A candidate is refused when it is one of these, or one of these with digits or symbols added at the end.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty', '123123', '1234567890', '1234567', 'qwerty123', '000000',
  '1q2w3e', 'aa12345678', 'abc123', 'password1', '1234', 'qwertyuiop', '123321', 'password123', '1q2w3e4r5t',
  'iloveyou', '654321', '666666', '987654321', '123', '123456a', 'qwe123', '1q2w3e4r', '7777777', '1qaz2wsx',
  '123qwe', 'zxcvbnm', '121212', 'asdasd', 'a123456', '555555', 'dragon', '112233', '123123123', 'monkey', '11111111',
  'qazwsx', '159753', 'asdfghjkl', '222222', '1234qwer', 'qwerty1', '123654', '123abc', 'asdfgh', '777777', 'aaaaaa',
  'myspace1', '88888888', 'fuckyou', '123456789a', '999999', '888888', 'football', 'princess', '789456123', '147258369',
  '1111111', 'sunshine', 'michael', 'computer', 'qwer1234', 'daniel', '789456', '11111', 'abcd1234', 'q1w2e3r4',
  'shadow', '159357', '123456q', '1111', 'samsung', 'killer', 'asd123', 'superman', 'master', '12345a', 'azerty',
  'zxcvbn', 'qazwsxedc', '131313', 'ashley', 'target123', '987654', 'baseball', 'qwert', 'asdasd123', 'qwerty12345',
  'soccer', '1234567891', '123456789012', 'qwertyuiopasdfghjkl', 'passwordpassword', 'iloveyouiloveyou',
  'welcome', 'welcome1', 'letmein', 'trustno1', 'starwars', 'whatever', 'freedom', 'liverpool', 'chelsea', 'arsenal',
  'manchester', 'manchesterunited', 'london', 'england', 'scotland', 'ireland', 'wales', 'summer', 'winter', 'autumn',
  'spring', 'charlie', 'jessica', 'thomas', 'hannah', 'jordan', 'harley', 'ranger', 'hunter', 'buster', 'tigger',
  'changeme', 'changeit', 'administrator', 'admin', 'root', 'secret', 'login', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'correcthorsebatterystaple', 'thequickbrownfox', 'qwertyuiop1234', 'onetwothreefour', 'abcdefghijkl',
  'abcdefghijklmnop', 'aaaaaaaaaaaa', '111111111111', '000000000000', '121212121212', 'asdfghjkl123', 'zaq12wsxcde3',
  'lifeline', 'police', 'policeofficer', 'trafficking', 'monday', 'tuesday', 'january', 'february',
]);
