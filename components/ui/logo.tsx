export function Logo({ dark = false }: { dark?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="8" fill="#3b55e6" />
        <circle cx="12" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="3" />
        <path d="M17 16h10M23 16v5M27 16v3" stroke="#fff" strokeWidth="3" strokeLinecap="round" />
      </svg>
      <span className={`text-[17px] font-semibold tracking-tight ${dark ? "text-white" : "text-ink"}`}>Keyledger</span>
    </span>
  );
}
