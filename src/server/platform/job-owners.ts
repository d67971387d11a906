// Whether a job's owner still has a working hourly trigger in this document (register kept by platform/triggers).
import { ownerStatus, OwnerStatus } from '../core/owners';
import { heartbeatInstalled, heartbeatRegister } from './triggers';
import { activeUserEmail } from './session';

/** The owner's status; when the caller is the owner, their own trigger list decides. */
export function jobOwnerStatus(owner: string): OwnerStatus {
  const self = owner && owner.toLowerCase() === activeUserEmail() ? heartbeatInstalled() : undefined;
  return ownerStatus(owner, heartbeatRegister(), Date.now(), self);
}
