// Calendar for one execution: CalendarApp always, the Calendar advanced service when appsscript.json enables it.
export { createCalendarApp } from './app';
export { CalendarAdvanced } from './advanced';
export { calendarStore, CalendarStore } from './store';
export type { CalendarRecord, EventRecord, CalendarSummary, CalendarNotification, Role, ApiEvent } from './store';
export { CalendarApi, CalendarApiError } from './api';
