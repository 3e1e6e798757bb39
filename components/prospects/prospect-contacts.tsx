import { SectionCard } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CIVILITY_LABELS } from "@/lib/prospects/labels";
import type { ProspectDetail } from "@/lib/prospects/queries";

type ContactRow = ProspectDetail["contacts"][number];

// Stored as E.164 (+33612345678); shown the French way (06 12 34 56 78).
function displayPhone(phone: string): string {
  const french = /^\+33(\d{9})$/.exec(phone);
  if (!french?.[1]) return phone;
  return `0${french[1]}`.replace(/(\d{2})(?=\d)/g, "$1 ");
}

function StarIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 text-amber-500">
      <path
        fill="currentColor"
        d="M10 1.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L10 14.9l-5.2 2.7 1-5.8L1.5 7.7l5.9-.9z"
      />
    </svg>
  );
}

function ContactCard({ contact }: { contact: ContactRow }) {
  const fullName = [contact.civility ? CIVILITY_LABELS[contact.civility] : null, contact.firstName, contact.lastName]
    .filter(Boolean)
    .join(" ");
  return (
    <li className="px-4 py-3">
      <div className="flex flex-wrap items-center gap-2">
        <p className="font-medium text-slate-900">{fullName}</p>
        {contact.isFavorite ? (
          <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-inset ring-amber-200">
            <StarIcon />
            Favori
          </span>
        ) : null}
      </div>
      {contact.jobTitle ? <p className="text-sm text-slate-600">{contact.jobTitle}</p> : null}
      <dl className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="text-slate-500">Téléphone fixe</dt>
        <dd>
          <a href={`tel:${contact.landlinePhone}`} className="text-brand-700 hover:underline">
            {displayPhone(contact.landlinePhone)}
          </a>
        </dd>
        {contact.mobilePhone ? (
          <>
            <dt className="text-slate-500">Mobile</dt>
            <dd>
              <a href={`tel:${contact.mobilePhone}`} className="text-brand-700 hover:underline">
                {displayPhone(contact.mobilePhone)}
              </a>
            </dd>
          </>
        ) : null}
        {contact.email ? (
          <>
            <dt className="text-slate-500">E-mail</dt>
            <dd className="break-all">
              <a href={`mailto:${contact.email}`} className="text-brand-700 hover:underline">
                {contact.email}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}

export function ProspectContacts({ contacts }: { contacts: ContactRow[] }) {
  return (
    <SectionCard id="contacts" title="Contacts">
      {contacts.length === 0 ? (
        <EmptyState title="Aucun contact enregistré." />
      ) : (
        <ul className="divide-y divide-slate-100">
          {contacts.map((c) => (
            <ContactCard key={c.id} contact={c} />
          ))}
        </ul>
      )}
    </SectionCard>
  );
}
