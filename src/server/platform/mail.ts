// Sending mail: the only place that touches MailApp.

export function sendMail(to: string, subject: string, body: string, htmlBody?: string): void {
  MailApp.sendEmail({ to, subject, body, ...(htmlBody ? { htmlBody } : {}) });
}

export function remainingMailQuota(): number {
  return MailApp.getRemainingDailyQuota();
}
