/** Outbound Messages shaped like the ones Salesforce sends (whitespace, namespaces, nil, +0000 dates). */

export const ORG_ID = '00D5g000004XyZaEAK';
export const OTHER_ORG_ID = '00D5g000009QwErEAK';

/** Two Case notifications: a case just created, and an older one now closed and escalated. */
export const TWO_CASES = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <soapenv:Body>
  <notifications xmlns="http://soap.sforce.com/2005/09/outbound">
   <OrganizationId>${ORG_ID}</OrganizationId>
   <ActionId>04k5g000000CaSeAAC</ActionId>
   <SessionId xsi:nil="true"/>
   <EnterpriseUrl>https://acme.my.salesforce.com/services/Soap/c/62.0/00D5g000004XyZa</EnterpriseUrl>
   <PartnerUrl>https://acme.my.salesforce.com/services/Soap/u/62.0/00D5g000004XyZa</PartnerUrl>
   <Notification>
    <Id>04l5g00000AbCdEAAV</Id>
    <sObject xsi:type="sf:Case" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>5005g00000Q1aBcAAF</sf:Id>
     <sf:CaseNumber>00001026</sf:CaseNumber>
     <sf:ContactId>0035g00000XyZ12AAB</sf:ContactId>
     <sf:CreatedDate>2026-12-02T07:00:00.000Z</sf:CreatedDate>
     <sf:IsClosed>false</sf:IsClosed>
     <sf:IsEscalated>false</sf:IsEscalated>
     <sf:LastModifiedDate>2026-12-02T07:00:00.000Z</sf:LastModifiedDate>
     <sf:OwnerId>0055g00000AbC01AAB</sf:OwnerId>
     <sf:Priority>High</sf:Priority>
     <sf:Status>New</sf:Status>
     <sf:Subject>Parcel arrived damaged &amp; late &#8212; customer &lt;upset&gt;</sf:Subject>
     <sf:SystemModstamp>2026-12-02T07:00:00.000Z</sf:SystemModstamp>
    </sObject>
   </Notification>
   <Notification>
    <Id>04l5g00000AbCdFAAV</Id>
    <sObject xsi:type="sf:Case" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">
     <sf:Id>5005g00000Q1aBdAAF</sf:Id>
     <sf:CaseNumber>00001019</sf:CaseNumber>
     <sf:ContactId xsi:nil="true"/>
     <sf:CreatedDate>2026-11-30T14:12:09.000+0000</sf:CreatedDate>
     <sf:Description></sf:Description>
     <sf:IsClosed>true</sf:IsClosed>
     <sf:IsEscalated>true</sf:IsEscalated>
     <sf:LastModifiedDate>2026-12-02T06:58:41.000+0000</sf:LastModifiedDate>
     <sf:OwnerId>00G5g000001QuEuEAC</sf:OwnerId>
     <sf:Priority>Medium</sf:Priority>
     <sf:Status>Closed</sf:Status>
     <sf:Subject>Refund not received</sf:Subject>
     <sf:SystemModstamp>2026-12-02T06:58:41.000+0000</sf:SystemModstamp>
    </sObject>
   </Notification>
  </notifications>
 </soapenv:Body>
</soapenv:Envelope>
`;

export type FieldsOf = Record<string, string | null>;

export interface NotificationSpec {
  readonly id?: string;
  readonly type?: string;
  readonly fields: FieldsOf;
}

/** A message built from parts, for the cases a literal would only obscure. */
export function outboundMessage(notifications: readonly NotificationSpec[], orgId = ORG_ID): string {
  const body = notifications
    .map((notification, index) => {
      const fields = Object.entries(notification.fields)
        .map(([name, value]) => (value === null ? `<sf:${name} xsi:nil="true"/>` : `<sf:${name}>${value}</sf:${name}>`))
        .join('');
      const id = notification.id ?? `04l5g00000Ab${String(index).padStart(3, '0')}AAV`;
      return `<Notification><Id>${id}</Id><sObject xsi:type="${notification.type ?? 'sf:Case'}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">${fields}</sObject></Notification>`;
    })
    .join('');
  return (
    `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound"><OrganizationId>${orgId}</OrganizationId>` +
    `<ActionId>04k5g000000CaSeAAC</ActionId><SessionId xsi:nil="true"/><EnterpriseUrl>https://acme.my.salesforce.com/services/Soap/c/62.0</EnterpriseUrl>` +
    `<PartnerUrl>https://acme.my.salesforce.com/services/Soap/u/62.0</PartnerUrl>${body}</notifications></soapenv:Body></soapenv:Envelope>`
  );
}

/** The fields a minimal updated Case carries. */
export const caseFields = (overrides: FieldsOf = {}): FieldsOf => ({
  Id: '5005g00000Q1aBcAAF',
  CreatedDate: '2026-11-30T14:12:09.000Z',
  LastModifiedDate: '2026-12-02T07:00:00.000Z',
  ...overrides,
});

/** The classic entity-expansion bomb: ten levels of ten, 10⁹ "lol"s from a few hundred bytes. */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
${outboundMessage([{ fields: caseFields({ Subject: '&lol9;' }) }]).replace(/^<\?xml[^>]*\?>/, '')}`;
