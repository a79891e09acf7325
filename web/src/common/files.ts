/** A file the user picked, as the API takes uploads of tables: its bytes in base64 (without the data: prefix). */
export const fileAsBase64 = (file: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
