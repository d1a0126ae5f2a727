// Namespaces of Cdiscount's WCF service (reference §1.1, §1.3).
export const NS = {
  soap: "http://schemas.xmlsoap.org/soap/envelope/",
  cdiscount: "http://www.cdiscount.com",
  messages: "http://schemas.datacontract.org/2004/07/Cdiscount.Framework.Core.Communication.Messages",
  arrays: "http://schemas.microsoft.com/2003/10/Serialization/Arrays",
  instance: "http://www.w3.org/2001/XMLSchema-instance",
  serialization: "http://schemas.microsoft.com/2003/10/Serialization/",
} as const;
