// The customer's mood (0-100) in a word, as the meters show it and screen readers read it.
export function moodWord(mood: number): string {
  if (mood < 20) return 'furious';
  if (mood < 40) return 'upset';
  if (mood < 60) return 'unsure';
  if (mood < 80) return 'warming up';
  return 'happy';
}
