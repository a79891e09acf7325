/** 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet, the last a check character. */
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export const isValidUscc = (code: string): boolean => {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  const sum = weights.reduce((total, weight, index) => total + alphabet.indexOf(code.charAt(index)) * weight, 0);
  const check = (31 - (sum % 31)) % 31;
  return code.charAt(17) === alphabet.charAt(check);
};
