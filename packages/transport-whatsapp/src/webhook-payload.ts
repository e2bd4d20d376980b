/** The parts of a Cloud API webhook Tidings reads (PLATFORMS.md §1.6); everything else is ignored. */
export interface WebhookPayload {
  object: string;
  entry: { id: string; changes: { field: string; value: ChangeValue }[] }[];
}

export interface ChangeValue {
  messaging_product?: string;
  metadata?: { display_phone_number: string; phone_number_id: string };
  contacts?: WaContact[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
  calls?: WaCall[];
  errors?: WaError[];
}

export interface WaContact {
  profile?: { name?: string; username?: string };
  wa_id?: string;
  user_id?: string;
}

export interface WaError {
  code: number;
  title?: string;
  message?: string;
  error_data?: { details?: string };
}

export interface WaMediaObject {
  id: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  filename?: string;
}

export interface WaMessage {
  from?: string;
  from_user_id?: string;
  id: string;
  timestamp?: string;
  type: string;
  text?: { body: string };
  image?: WaMediaObject;
  audio?: WaMediaObject;
  video?: WaMediaObject;
  document?: WaMediaObject;
  sticker?: WaMediaObject;
  button?: { payload: string; text: string };
  interactive?: {
    type: string;
    button_reply?: { id: string; title: string };
    list_reply?: { id: string; title: string };
  };
  errors?: WaError[];
}

export interface WaStatus {
  id: string;
  status: string;
  timestamp?: string;
  recipient_id?: string;
  recipient_user_id?: string;
  errors?: WaError[];
}

export interface WaCall {
  id: string;
  from?: string;
  from_user_id?: string;
  event?: string;
  timestamp?: string;
  direction?: string;
}
